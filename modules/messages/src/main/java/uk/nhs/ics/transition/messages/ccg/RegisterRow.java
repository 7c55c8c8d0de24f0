package uk.nhs.ics.transition.messages.ccg;

import java.util.List;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * One row of a transfer register as the web layer read it: the item it describes (built exactly as the single-item
 * API builds one), or the problems that stopped it being read.
 *
 * @param row the row as a spreadsheet numbers it (the header is row 1)
 * @param reference the CCG's reference of the item, or {@code null} if the row has none readable
 * @param receivingIcs the receiving ICS named, or {@code null} for the CCG's own
 * @param details the item, or {@code null} when a problem refuses the row
 * @param problems what is wrong with the row (warnings only, when it has details)
 */
public record RegisterRow(
        int row,
        TransferItemReference reference,
        IcsCode receivingIcs,
        TransferItemDetails details,
        List<RegisterProblem> problems) {

    public RegisterRow {
        problems = problems == null ? List.of() : List.copyOf(problems);
        if (details == null && problems.stream().noneMatch(RegisterProblem::refuses)) {
            throw RuleViolation.invalid("rows", "row " + row + " has neither an item nor a reason it has none");
        }
    }

    /** Whether a problem found while reading the row refuses it. */
    public boolean refused() {
        return details == null || problems.stream().anyMatch(RegisterProblem::refuses);
    }
}
