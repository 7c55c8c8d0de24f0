package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Registers that part (or all) of a CCG's area moves to another ICS at establishment, so its items may go there. */
public record RegisterBoundaryChange(
        @TargetAggregateIdentifier CcgCode ccgCode,
        IcsCode fromIcs,
        IcsCode toIcs,
        String area,
        int lsoaCount,
        LocalDate effectiveDate) {

    public RegisterBoundaryChange {
        Checks.required(ccgCode, "ccgCode");
        Checks.required(fromIcs, "fromIcs");
        Checks.required(toIcs, "toIcs");
        area = Checks.text(area, "area", Checks.SHORT_TEXT);
        Checks.required(effectiveDate, "effectiveDate");
    }
}
