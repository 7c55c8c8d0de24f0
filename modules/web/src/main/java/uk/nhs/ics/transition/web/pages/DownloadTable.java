package uk.nhs.ics.transition.web.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.nhs.ics.transition.web.csv.CsvMessageConverter;
import uk.nhs.ics.transition.web.csv.CsvView;

/**
 * A table of a page as a spreadsheet download: its header and rows, written as every CSV is ({@link CsvMessageConverter}
 * through {@code CsvWriter}: byte-order mark, quoting, formula neutralisation).
 *
 * @param csvHeader the column names
 * @param csvRows the rows, a cell per column
 */
record DownloadTable(List<String> csvHeader, List<List<Object>> csvRows) implements CsvView {

    DownloadTable {
        csvHeader = List.copyOf(csvHeader);
        csvRows = List.copyOf(csvRows);
    }

    static Builder of(String... header) {
        return new Builder(List.of(header));
    }

    /** Builds a table row by row. */
    static final class Builder {
        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(List<String> header) {
            this.header = header;
        }

        /** One more row; nulls are written as empty cells. */
        Builder row(Object... cells) {
            if (cells.length != header.size()) {
                throw new IllegalArgumentException("a row of " + header + " needs " + header.size() + " cells");
            }
            rows.add(Collections.unmodifiableList(Arrays.asList(cells)));
            return this;
        }

        DownloadTable build() {
            return new DownloadTable(header, rows);
        }
    }

    /** A table to download, named for the page and table it comes from. */
    static ResponseEntity<CsvView> download(CsvView table, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"")
                .body(table);
    }
}
