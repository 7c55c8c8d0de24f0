package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;

/** A programme manager starts work on a manual milestone. */
public record StartMilestone(
        @TargetAggregateIdentifier IcsCode icsCode,
        MilestoneCode milestone,
        @TargetAggregateVersion Long expectedVersion) {

    public StartMilestone {
        Checks.required(icsCode, "icsCode");
        Checks.required(milestone, "milestone");
    }
}
