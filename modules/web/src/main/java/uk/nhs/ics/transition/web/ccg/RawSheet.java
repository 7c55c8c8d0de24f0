package uk.nhs.ics.transition.web.ccg;

import java.util.List;

/**
 * A register's cells as the file holds them, before any column means anything: what {@link RegisterReader} reads from
 * CSV or a workbook, and {@link RegisterRows} turns into items.
 *
 * @param rows the rows in order, the header first
 * @param merges the merged ranges of a workbook (none in CSV)
 * @param csv whether the file was CSV (where a leading {@code '} is the service's own formula neutralisation)
 */
record RawSheet(List<Row> rows, List<Merge> merges, boolean csv) {

    /** One row: its number as a spreadsheet shows it, and its cells by column position (a cell may be null). */
    record Row(int number, List<Cell> cells) {
        Cell cell(int column) {
            return column < cells.size() ? cells.get(column) : null;
        }

        boolean blank() {
            return cells.stream().allMatch(cell -> cell == null || cell.text().isBlank());
        }
    }

    /**
     * One cell.
     *
     * @param text its value as text (a number plainly, a boolean as {@code TRUE}/{@code FALSE})
     * @param numeric whether a workbook stored it as a number (a date is a number of days there)
     * @param formula whether a workbook cell holds a formula
     * @param error whether a workbook cell holds an error value ({@code #REF!})
     */
    record Cell(String text, boolean numeric, boolean formula, boolean error) {
        static Cell text(String text) {
            return new Cell(text, false, false, false);
        }
    }

    /** A merged range, by its first row and column (0-based column). */
    record Merge(int row, int column, String range) {}
}
