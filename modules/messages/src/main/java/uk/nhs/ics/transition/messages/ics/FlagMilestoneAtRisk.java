package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;

/** A programme manager flags a manual milestone in progress as at risk, saying why. */
public record FlagMilestoneAtRisk(
        @TargetAggregateIdentifier IcsCode icsCode,
        MilestoneCode milestone,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public FlagMilestoneAtRisk {
        Checks.required(icsCode, "icsCode");
        Checks.required(milestone, "milestone");
        reason = Checks.reason(reason);
    }
}
