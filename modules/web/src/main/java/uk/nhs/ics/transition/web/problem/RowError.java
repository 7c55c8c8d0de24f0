package uk.nhs.ics.transition.web.problem;

import uk.nhs.ics.transition.messages.ccg.RegisterProblem;

/**
 * One refused row (or cell) of an uploaded register, in a problem's {@code errors} list beside the {@link FieldError}s
 * of other requests: {@code field} names the column as the single-item API names the field.
 *
 * @param row the row as a spreadsheet numbers it (the header is row 1), or {@code null} for the file or an item the
 *     register does not name
 * @param column the column, or {@code null} for the row as a whole
 * @param field the same as {@code column}, for clients that read every {@code errors} entry by its field
 * @param code the stable code, the same as the single-item API answers with
 * @param message what is wrong
 */
public record RowError(Integer row, String column, String field, String code, String message) {

    public static RowError of(RegisterProblem problem) {
        return new RowError(problem.row(), problem.column(), problem.column(), problem.code(), problem.message());
    }
}
