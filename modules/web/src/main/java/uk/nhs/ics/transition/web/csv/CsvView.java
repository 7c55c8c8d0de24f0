package uk.nhs.ics.transition.web.csv;

import java.util.List;

/**
 * A response that says for itself how it reads as a table, for answers whose natural shape is not one row per item
 * (a summary with counts per region, say). {@link CsvMessageConverter} writes such a response by these rows instead
 * of flattening its components, but still applies its spreadsheet safety (byte-order mark, CRLF, quoting, formula
 * neutralisation) and its cell formatting (numbers as numbers, dates as ISO-8601, enums by name, nulls empty) to every
 * cell.
 */
public interface CsvView {

    /** The column names, in order; an empty list writes no header line. */
    List<String> csvHeader();

    /** The rows, each with one cell per column of {@link #csvHeader()}, in the same order. */
    List<List<Object>> csvRows();

    /** A table given by its header and rows. */
    static CsvView of(List<String> header, List<List<Object>> rows) {
        return new Table(header, rows);
    }

    /** A table that is only its header and rows. */
    record Table(List<String> csvHeader, List<List<Object>> csvRows) implements CsvView {}
}
