package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;

/** A programme manager reopens a complete manual milestone, saying why. */
public record ReopenMilestone(
        @TargetAggregateIdentifier IcsCode icsCode,
        MilestoneCode milestone,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public ReopenMilestone {
        Checks.required(icsCode, "icsCode");
        Checks.required(milestone, "milestone");
        reason = Checks.reason(reason);
    }
}
