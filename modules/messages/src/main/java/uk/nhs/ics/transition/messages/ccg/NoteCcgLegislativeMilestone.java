package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;

/** Tells a CCG that the Bill reached a stage (relayed from the national programme). */
public record NoteCcgLegislativeMilestone(
        @TargetAggregateIdentifier CcgCode ccgCode, LegislativeMilestone milestone, LocalDate occurredOn) {

    public NoteCcgLegislativeMilestone {
        Checks.required(ccgCode, "ccgCode");
        Checks.required(milestone, "milestone");
        Checks.required(occurredOn, "occurredOn");
    }
}
