package uk.nhs.ics.transition.web.csv;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV, the one way the service does, for every CSV it serves (the answers of {@link CsvMessageConverter}, the
 * audit export, the pages' downloads). Commons CSV writes RFC 4180 (rows end with CRLF; a field holding a comma,
 * double quote, CR or LF is quoted, its quotes doubled); this class adds what spreadsheets need:
 *
 * <ul>
 *   <li>the body is UTF-8 and starts with a byte-order mark (without it Excel reads UTF-8 as the local code page and
 *       mangles non-ASCII names);
 *   <li>a text cell (header cells included) that starts with {@code = + - @}, a tab or a CR (or the full-width
 *       {@code ＝ ＋ － ＠}) is prefixed with a single quote, so that no spreadsheet runs it as a formula (OWASP "CSV
 *       injection"); numbers are not text: {@code -12500} stays a number a spreadsheet can sum;
 *   <li>cells are written plainly: numbers as they are ({@link BigDecimal#toPlainString()}), booleans
 *       {@code true}/{@code false}, enums by name, dates and times ISO-8601, nulls and empty optionals as empty cells.
 * </ul>
 */
public final class CsvWriter implements Flushable {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final CSVPrinter printer;

    private CsvWriter(Appendable out) throws IOException {
        out.append(BYTE_ORDER_MARK);
        this.printer = new CSVPrinter(out, FORMAT);
    }

    /** Writes a whole table on the body: its byte-order mark, its header (if it has one), its rows. */
    public static void write(CsvView table, OutputStream body) throws IOException {
        CsvWriter writer = start(body);
        List<String> header = table.csvHeader();
        if (header != null && !header.isEmpty()) {
            writer.header(header);
        }
        if (table.csvRows() != null) {
            for (List<Object> row : table.csvRows()) {
                writer.row(row == null ? List.of() : row);
            }
        }
        writer.flush();
    }

    /** Starts a CSV document on the body: its byte-order mark, then whatever rows are written. */
    public static CsvWriter start(OutputStream body) throws IOException {
        return new CsvWriter(new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 64 * 1024));
    }

    /** The header row: each name is text, neutralised like any text cell. */
    public void header(List<String> names) throws IOException {
        List<String> cells = new ArrayList<>(names.size());
        for (String name : names) {
            cells.add(name == null ? "" : neutralise(name));
        }
        printer.printRecord(cells);
    }

    /** One row of cell values, each written as {@link #cell(Object)} says. */
    public void row(List<?> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(cell(value));
        }
        printer.printRecord(cells);
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    /** A cell's text before quoting: numbers and booleans as they are, anything else as neutralised text. */
    static String cell(Object value) {
        if (value instanceof Optional<?> optional) {
            return cell(optional.orElse(null));
        }
        if (value == null) {
            return "";
        }
        String number = number(value);
        if (number != null) {
            return number;
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        return neutralise(text(value));
    }

    /** A value's text inside a cell: a collection's elements joined with {@code "; "}. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof ZonedDateTime zoned) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(zoned);
        }
        if (value instanceof Collection<?> elements) {
            StringJoiner joined = new StringJoiner("; ");
            elements.forEach(element -> {
                String number = number(element);
                joined.add(number != null ? number : text(element));
            });
            return joined.toString();
        }
        return value.toString();
    }

    /** A number written plainly, or null if the value is not a finite number. */
    private static String number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Float f && Float.isFinite(f)) {
            return new BigDecimal(f.toString()).toPlainString();
        }
        return null;
    }

    /** Text that a spreadsheet would take for a formula gets a leading single quote (OWASP CSV injection). */
    static String neutralise(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
