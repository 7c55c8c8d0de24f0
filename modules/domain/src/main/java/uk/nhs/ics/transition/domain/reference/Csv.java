package uk.nhs.ics.transition.domain.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the small RFC 4180 files of the reference data: a header row, quoted fields, CRLF or LF line ends. */
final class Csv {

    private Csv() {}

    static List<Map<String, String>> read(String resource) {
        try (InputStream in = Csv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference data is missing from the build: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, String>> parse(String text) {
        List<List<String>> rows = rows(text);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() != header.size()) {
                throw new IllegalStateException("row has " + row.size() + " fields, header has " + header.size());
            }
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    private static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean rowStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    rowStarted = true;
                }
                case ',' -> {
                    row.add(field.toString());
                    field.setLength(0);
                    rowStarted = true;
                }
                case '\r' -> {
                    // CRLF: the row ends at the LF
                }
                case '\n' -> {
                    if (rowStarted || field.length() > 0) {
                        row.add(field.toString());
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                    field.setLength(0);
                    rowStarted = false;
                }
                default -> {
                    field.append(c);
                    rowStarted = true;
                }
            }
        }
        if (quoted) {
            throw new IllegalStateException("unterminated quoted field");
        }
        if (rowStarted || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
