package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;

/** Records the abolition of the CCG once its transfer is effected. */
public record AbolishCcg(
        @TargetAggregateIdentifier CcgCode ccgCode,
        @TargetAggregateVersion Long expectedVersion) {

    public AbolishCcg {
        Checks.required(ccgCode, "ccgCode");
    }
}
