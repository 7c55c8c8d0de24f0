package uk.nhs.ics.transition.web.ccg;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import uk.nhs.ics.transition.messages.ccg.RegisterProblem;
import uk.nhs.ics.transition.messages.ccg.RegisterRow;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemKind;
import uk.nhs.ics.transition.messages.ccg.TransferItemReference;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.web.problem.MalformedRegister;
import uk.nhs.ics.transition.web.security.Permissions;

/**
 * Turns a register's cells into the rows of an import, each built exactly as the single-item API builds an item:
 * a {@link TransferRequests.Item}, its bean validation, then the domain's value types, with the same codes
 * ({@code VALIDATION_FAILED}, {@code INVALID_INPUT}, {@code UNKNOWN_ORGANISATION}) and messages. What makes the
 * file itself unreadable (no header, unknown or repeated columns, formulas, error values, merged cells, values
 * beyond the header) refuses it whole as {@code MALFORMED_FILE}, naming every place.
 *
 * <p>Cell rules a spreadsheet user meets:
 *
 * <ul>
 *   <li>A text cell starting with {@code = + - @} (or their full-width forms, a tab or a CR) could run as a formula
 *       when the file is opened again, so it is refused; a plain number in a number column ({@code -5}) is a
 *       number, refused or not by the item's own rules. In CSV, the {@code '} the service itself puts before such
 *       text when it writes a register is taken off again, so an export imports as it was.
 *   <li>Dates are ISO ({@code 2023-03-31}) or as British spreadsheets write them ({@code 31/03/2023}); a workbook's
 *       date cells are read as dates. Booleans are {@code true}/{@code false} or {@code yes}/{@code no}, any case.
 *   <li>Kinds are read in any case. Cells of columns the row's kind does not use are ignored, with a warning.
 *   <li>Blank rows are skipped.
 * </ul>
 */
final class RegisterRows {

    /** Warning: a value in a column the row's kind does not use. */
    static final String IGNORED_CELL = "IGNORED_CELL";

    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final DateTimeFormatter BRITISH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final String VALIDATION_FAILED = "VALIDATION_FAILED";

    private final Validator validator;
    private final Permissions permissions;

    RegisterRows(Validator validator, Permissions permissions) {
        this.validator = validator;
        this.permissions = permissions;
    }

    List<RegisterRow> read(RawSheet sheet) {
        List<RawSheet.Row> rows = sheet.rows();
        if (rows.isEmpty() || rows.get(0).blank()) {
            throw new MalformedRegister(
                    1, null, "the first row must be the header: " + String.join(", ", RegisterColumn.NAMES));
        }
        RawSheet.Row header = rows.get(0);
        List<RegisterProblem> problems = new ArrayList<>();
        RegisterColumn[] columns = header(header, problems);
        for (RawSheet.Merge merge : sheet.merges()) {
            problems.add(malformed(
                    merge.row(),
                    name(columns, merge.column()),
                    "merged cells (" + merge.range()
                            + ") cannot be read as one value per row and column: unmerge them"));
        }
        List<RawSheet.Row> data = new ArrayList<>();
        for (RawSheet.Row row : rows.subList(1, rows.size())) {
            if (!row.blank()) {
                cells(row, columns, sheet.csv(), problems);
                data.add(row);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((RegisterProblem p) -> p.row() == null ? 0 : p.row()));
            throw new MalformedRegister(problems);
        }
        List<RegisterRow> read = new ArrayList<>(data.size());
        for (RawSheet.Row row : data) {
            read.add(row(row, columns, sheet.csv()));
        }
        return read;
    }

    // ---------------------------------------------------------------- the file

    /** The column of each position of the header (null where it names none). */
    private static RegisterColumn[] header(RawSheet.Row header, List<RegisterProblem> problems) {
        RegisterColumn[] columns = new RegisterColumn[header.cells().size()];
        Set<RegisterColumn> seen = new HashSet<>();
        List<RegisterProblem> unknown = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            RawSheet.Cell cell = header.cell(i);
            String text = cell == null ? "" : cell.text().strip();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isEmpty()) {
                continue;
            }
            RegisterColumn column = RegisterColumn.named(text).orElse(null);
            if (column == null) {
                unknown.add(malformed(
                        header.number(),
                        text,
                        "unknown column '" + text + "' (" + letter(i) + "); a register's columns are "
                                + String.join(", ", RegisterColumn.NAMES)));
            } else if (!seen.add(column)) {
                problems.add(malformed(header.number(), column.header, "column " + column.header + " appears twice"));
            } else {
                columns[i] = column;
            }
        }
        if (seen.isEmpty()) {
            problems.add(malformed(
                    header.number(),
                    null,
                    "the first row must be the header (" + String.join(", ", RegisterColumn.NAMES)
                            + "), but it names no column"));
            return columns;
        }
        problems.addAll(unknown);
        for (RegisterColumn required : RegisterColumn.REQUIRED) {
            if (!seen.contains(required)) {
                problems.add(
                        malformed(header.number(), required.header, "the column " + required.header + " is missing"));
            }
        }
        return columns;
    }

    /** Refuses what no item can be read from: formulas, error values, values in unnamed columns. */
    private static void cells(RawSheet.Row row, RegisterColumn[] columns, boolean csv, List<RegisterProblem> problems) {
        for (int i = 0; i < row.cells().size(); i++) {
            RawSheet.Cell cell = row.cell(i);
            if (cell == null || (cell.text().isBlank() && !cell.formula())) {
                continue;
            }
            RegisterColumn column = i < columns.length ? columns[i] : null;
            String name = name(columns, i);
            if (column == null) {
                problems.add(malformed(
                        row.number(), name, "a value in column " + letter(i) + ", which the header does not name"));
            } else if (cell.formula()) {
                problems.add(malformed(row.number(), name, "a formula: a register holds values (paste values only)"));
            } else if (cell.error()) {
                problems.add(malformed(row.number(), name, "the cell holds an error value (" + cell.text() + ")"));
            } else if (!cell.numeric() && looksLikeFormula(text(cell, csv), column)) {
                problems.add(malformed(
                        row.number(),
                        name,
                        "text starting with " + text(cell, csv).charAt(0) + " could run as a formula in a spreadsheet:"
                                + " put a ' before it to keep it as text"));
            }
        }
    }

    private static boolean looksLikeFormula(String text, RegisterColumn column) {
        if (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0) {
            return false;
        }
        return !(column.isNumber() && PLAIN_NUMBER.matcher(text.strip()).matches());
    }

    /** The cell's text; in CSV, without the {@code '} the service puts before text that looks like a formula. */
    private static String text(RawSheet.Cell cell, boolean csv) {
        String text = cell.text();
        if (csv && text.length() > 1 && text.charAt(0) == '\'' && FORMULA_STARTS.indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }

    // ---------------------------------------------------------------- a row

    private RegisterRow row(RawSheet.Row raw, RegisterColumn[] columns, boolean csv) {
        int number = raw.number();
        Map<RegisterColumn, RawSheet.Cell> cells = new EnumMap<>(RegisterColumn.class);
        for (int i = 0; i < columns.length; i++) {
            RawSheet.Cell cell = raw.cell(i);
            if (columns[i] != null && cell != null && !cell.text().isBlank()) {
                cells.put(columns[i], cell);
            }
        }
        List<RegisterProblem> problems = new ArrayList<>();
        Cells read = new Cells(number, cells, csv, problems);
        TransferItemReference reference = null;
        try {
            reference = TransferItemReference.ofNullable(read.text(RegisterColumn.REFERENCE));
        } catch (RuleViolation refused) {
            problems.add(refusal(number, refused, RegisterColumn.REFERENCE));
        }
        TransferItemKind kind = read.kind();
        TransferRequests.Item item = new TransferRequests.Item(
                kind,
                read.text(RegisterColumn.REFERENCE),
                read.text(RegisterColumn.DESCRIPTION),
                read.text(RegisterColumn.RECEIVING_ICS),
                read.wholeNumber(RegisterColumn.VALUE_PENCE),
                read.wholeNumber(RegisterColumn.ANNUAL_VALUE_PENCE),
                read.text(RegisterColumn.COUNTERPARTY),
                read.date(RegisterColumn.END_DATE),
                read.bool(RegisterColumn.NOVATION_REQUIRED),
                read.integer(RegisterColumn.HEADCOUNT),
                read.decimal(RegisterColumn.WTE),
                read.text(RegisterColumn.STAFF_GROUP));
        if (!problems.isEmpty()) {
            return new RegisterRow(number, reference, null, null, problems);
        }
        for (ConstraintViolation<TransferRequests.Item> violation : validator.validate(item)) {
            String field = violation.getPropertyPath().toString();
            problems.add(RegisterProblem.error(number, field, VALIDATION_FAILED, violation.getMessage()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RegisterProblem::column));
            return new RegisterRow(number, reference, null, null, problems);
        }
        TransferItemDetails details;
        try {
            details = item.details();
        } catch (RuleViolation refused) {
            problems.add(refusal(number, refused, null));
            return new RegisterRow(number, reference, null, null, problems);
        }
        IcsCode receiving = null;
        if (item.receivingIcs() != null) {
            if (!permissions.isIcs(item.receivingIcs())) {
                problems.add(RegisterProblem.error(
                        number, "receivingIcs", ErrorCode.UNKNOWN_ORGANISATION.name(), "no such ICS"));
                return new RegisterRow(number, reference, null, null, problems);
            }
            receiving = IcsCode.of(item.receivingIcs());
        }
        for (RegisterColumn column : cells.keySet()) {
            if (!column.kinds.contains(kind)) {
                problems.add(RegisterProblem.warning(
                        number,
                        column.header,
                        IGNORED_CELL,
                        column.header + " is not used by " + kind + " items; the value is ignored"));
            }
        }
        return new RegisterRow(number, reference, receiving, details, problems);
    }

    private static RegisterProblem refusal(int row, RuleViolation refused, RegisterColumn column) {
        String field = refused.field() != null ? refused.field() : column == null ? null : column.header;
        return RegisterProblem.error(row, field, refused.code().name(), refused.getMessage());
    }

    private static RegisterProblem malformed(Integer row, String column, String message) {
        return RegisterProblem.error(row, column, ErrorCode.MALFORMED_FILE.name(), message);
    }

    private static String name(RegisterColumn[] columns, int position) {
        return position < columns.length && columns[position] != null ? columns[position].header : letter(position);
    }

    private static String letter(int position) {
        return CellReference.convertNumToColString(position);
    }

    /** Reads one row's cells by column, each type as the JSON API reads it, noting what cannot be read. */
    private record Cells(
            int row, Map<RegisterColumn, RawSheet.Cell> cells, boolean csv, List<RegisterProblem> problems) {

        String text(RegisterColumn column) {
            RawSheet.Cell cell = cells.get(column);
            if (cell == null) {
                return null;
            }
            String text = RegisterRows.text(cell, csv);
            return column == RegisterColumn.RECEIVING_ICS || column == RegisterColumn.KIND ? text.strip() : text;
        }

        TransferItemKind kind() {
            String text = text(RegisterColumn.KIND);
            if (text == null) {
                return null;
            }
            try {
                return TransferItemKind.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(RegisterColumn.KIND, "is not a valid value (one of STAFF, ASSET, LIABILITY, CONTRACT)");
                return null;
            }
        }

        Long wholeNumber(RegisterColumn column) {
            BigDecimal number = number(column, "whole number");
            if (number == null) {
                return null;
            }
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                problem(
                        column,
                        number.scale() > 0 && number.stripTrailingZeros().scale() > 0
                                ? "is not a valid whole number"
                                : "is out of range");
                return null;
            }
        }

        Integer integer(RegisterColumn column) {
            Long number = wholeNumber(column);
            if (number == null) {
                return null;
            }
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                problem(column, "is out of range");
                return null;
            }
            return number.intValue();
        }

        BigDecimal decimal(RegisterColumn column) {
            return number(column, "decimal number");
        }

        private BigDecimal number(RegisterColumn column, String what) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            if (!PLAIN_NUMBER.matcher(text.strip()).matches()) {
                problem(column, "is not a valid " + what);
                return null;
            }
            return new BigDecimal(text.strip());
        }

        LocalDate date(RegisterColumn column) {
            RawSheet.Cell cell = cells.get(column);
            if (cell == null) {
                return null;
            }
            String text = cell.text().strip();
            if (cell.numeric()) {
                try {
                    double serial = Double.parseDouble(text);
                    if (DateUtil.isValidExcelDate(serial)) {
                        return DateUtil.getLocalDateTime(serial).toLocalDate();
                    }
                } catch (NumberFormatException notANumber) {
                    // reported below
                }
            } else {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException notIso) {
                    try {
                        return LocalDate.parse(text, BRITISH_DATE);
                    } catch (DateTimeParseException notBritish) {
                        // reported below
                    }
                }
            }
            problem(column, "is not a valid date (YYYY-MM-DD)");
            return null;
        }

        Boolean bool(RegisterColumn column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> Boolean.TRUE;
                case "false", "no" -> Boolean.FALSE;
                default -> {
                    problem(column, "is not a valid true or false");
                    yield null;
                }
            };
        }

        private void problem(RegisterColumn column, String message) {
            problems.add(RegisterProblem.error(row, column.header, VALIDATION_FAILED, message));
        }
    }
}
