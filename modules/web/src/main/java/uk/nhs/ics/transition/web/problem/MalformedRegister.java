package uk.nhs.ics.transition.web.problem;

import java.util.List;
import uk.nhs.ics.transition.messages.ccg.RegisterProblem;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * An uploaded register that cannot be read as one: not UTF-8, not a workbook, a zip bomb, no header, unknown
 * columns, formulas, merged cells. Answered 422 {@code MALFORMED_FILE} with every place at fault; nothing changes.
 */
public class MalformedRegister extends RuleViolation {

    private static final long serialVersionUID = 1L;

    private final transient List<RegisterProblem> problems;

    public MalformedRegister(List<RegisterProblem> problems) {
        super(ErrorCode.MALFORMED_FILE, summary(problems));
        this.problems = List.copyOf(problems);
    }

    public MalformedRegister(Integer row, String column, String message) {
        this(List.of(RegisterProblem.error(row, column, ErrorCode.MALFORMED_FILE.name(), message)));
    }

    public List<RegisterProblem> problems() {
        return problems;
    }

    private static String summary(List<RegisterProblem> problems) {
        RegisterProblem first = problems.get(0);
        String where = first.row() == null
                ? ""
                : "row " + first.row() + (first.column() == null ? "" : ", " + first.column()) + ": ";
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return "the file cannot be read as a register: " + where + first.message() + more;
    }
}
