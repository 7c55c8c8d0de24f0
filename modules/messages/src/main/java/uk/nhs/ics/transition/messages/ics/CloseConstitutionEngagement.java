package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Closes engagement on the constitution. */
public record CloseConstitutionEngagement(
        @TargetAggregateIdentifier IcsCode icsCode,
        @TargetAggregateVersion Long expectedVersion) {

    public CloseConstitutionEngagement {
        Checks.required(icsCode, "icsCode");
    }
}
