package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;

/** Tells an ICS that the Bill reached a stage (relayed from the national programme). */
public record NoteLegislativeMilestone(
        @TargetAggregateIdentifier IcsCode icsCode, LegislativeMilestone milestone, LocalDate occurredOn) {

    public NoteLegislativeMilestone {
        Checks.required(icsCode, "icsCode");
        Checks.required(milestone, "milestone");
        Checks.required(occurredOn, "occurredOn");
    }
}
