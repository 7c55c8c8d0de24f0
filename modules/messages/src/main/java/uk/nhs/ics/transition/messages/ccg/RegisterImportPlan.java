package uk.nhs.ics.transition.messages.ccg;

import java.util.List;

/**
 * What importing a register does, or would do, row by row: the answer to {@link ImportTransferRegister}, whether
 * it was a dry run, applied, or refused.
 *
 * @param dryRun whether nothing was changed because the import was a dry run
 * @param accepted whether no row is refused (an import that is not a dry run was then applied)
 * @param counts how many rows do what
 * @param rows each row's outcome in register order, then the live items the register leaves out
 */
public record RegisterImportPlan(boolean dryRun, boolean accepted, Counts counts, List<RowOutcome> rows) {

    public RegisterImportPlan {
        rows = List.copyOf(rows);
    }

    /** What happens to one row, or to a live item the register does not name. */
    public enum Action {
        /** A new reference: a new item. */
        ADD,
        /** A known reference with other values: the item is amended. */
        AMEND,
        /** A known reference with the same values: nothing changes. */
        UNCHANGED,
        /** A live item the register does not name, withdrawn because the import asked for it. */
        WITHDRAW,
        /** A live item the register does not name, kept (with a warning). */
        KEEP,
        /** A row that cannot be imported: the whole import is refused. */
        REFUSE
    }

    /**
     * @param row the row (the header is row 1), or {@code null} for an item the register does not name
     * @param reference the reference of the row or item
     * @param action what happens
     * @param itemId the item concerned (for an addition, the id it gets or would get)
     * @param problems what is wrong with the row: errors for a refused row, warnings otherwise
     */
    public record RowOutcome(
            Integer row, String reference, Action action, String itemId, List<RegisterProblem> problems) {
        public RowOutcome {
            problems = List.copyOf(problems);
        }
    }

    /** How many rows (and left-out items) do what; {@code warnings} counts the warnings, not the rows. */
    public record Counts(
            int rows, int added, int amended, int unchanged, int withdrawn, int kept, int refused, int warnings) {}

    /** Every problem, in row order. */
    public List<RegisterProblem> problems() {
        return rows.stream().flatMap(row -> row.problems().stream()).toList();
    }

    /** Whether applying the plan changes the scheme. */
    public boolean changes() {
        return counts.added() + counts.amended() + counts.withdrawn() > 0;
    }
}
