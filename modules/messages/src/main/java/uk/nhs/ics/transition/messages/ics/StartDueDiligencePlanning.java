package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Starts due diligence planning for the ICS. */
public record StartDueDiligencePlanning(
        @TargetAggregateIdentifier IcsCode icsCode,
        @TargetAggregateVersion Long expectedVersion) {

    public StartDueDiligencePlanning {
        Checks.required(icsCode, "icsCode");
    }
}
