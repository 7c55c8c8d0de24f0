package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Opens engagement on the current constitution draft. */
public record OpenConstitutionEngagement(
        @TargetAggregateIdentifier IcsCode icsCode,
        @TargetAggregateVersion Long expectedVersion) {

    public OpenConstitutionEngagement {
        Checks.required(icsCode, "icsCode");
    }
}
