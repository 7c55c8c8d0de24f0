package uk.nhs.ics.transition.messages.ccg;

/**
 * Something wrong with one row of a transfer register, or with a live item the register leaves out, named by the
 * same stable code the single-item API answers with ({@code VALIDATION_FAILED}, {@code INVALID_INPUT},
 * {@code RECEIVING_ICS_NOT_ALLOWED}...). An {@link Severity#ERROR} refuses the whole import; a
 * {@link Severity#WARNING} only tells.
 *
 * @param row the row as a spreadsheet numbers it (the header is row 1), or {@code null} for a live item the register
 *     does not name
 * @param column the column at fault, or {@code null} for the row as a whole
 * @param code the stable code
 * @param message what is wrong, for a person
 * @param severity whether it refuses the import
 */
public record RegisterProblem(Integer row, String column, String code, String message, Severity severity) {

    /** Whether a problem refuses the import. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public static RegisterProblem error(Integer row, String column, String code, String message) {
        return new RegisterProblem(row, column, code, message, Severity.ERROR);
    }

    public static RegisterProblem warning(Integer row, String column, String code, String message) {
        return new RegisterProblem(row, column, code, message, Severity.WARNING);
    }

    public boolean refuses() {
        return severity == Severity.ERROR;
    }
}
