package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;

/** A programme manager says a milestone flagged at risk is back on track, saying why. */
public record ClearMilestoneRisk(
        @TargetAggregateIdentifier IcsCode icsCode,
        MilestoneCode milestone,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public ClearMilestoneRisk {
        Checks.required(icsCode, "icsCode");
        Checks.required(milestone, "milestone");
        reason = Checks.reason(reason);
    }
}
