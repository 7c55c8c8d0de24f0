package uk.nhs.ics.transition.messages.programme;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;

/** Records a stage of the Health and Care Bill on the day it happened (national team). */
public record RecordLegislativeMilestone(
        @TargetAggregateIdentifier String programmeId,
        LegislativeMilestone milestone,
        LocalDate occurredOn,
        @TargetAggregateVersion Long expectedVersion) {

    public RecordLegislativeMilestone {
        Checks.required(programmeId, "programmeId");
        Checks.required(milestone, "milestone");
        Checks.required(occurredOn, "occurredOn");
    }
}
