package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;

/** Effects the agreed transfer at establishment. */
public record EffectTransferScheme(
        @TargetAggregateIdentifier CcgCode ccgCode,
        @TargetAggregateVersion Long expectedVersion) {

    public EffectTransferScheme {
        Checks.required(ccgCode, "ccgCode");
    }
}
