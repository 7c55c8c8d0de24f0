package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Signs due diligence off, as a predecessor CCG's accountable officer or as the designate chief executive. */
public record SignOffDueDiligence(
        @TargetAggregateIdentifier IcsCode icsCode,
        String signatory,
        SignOffCapacity capacity,
        CcgCode ccgCode,
        @TargetAggregateVersion Long expectedVersion) {

    public SignOffDueDiligence {
        Checks.required(icsCode, "icsCode");
        signatory = Checks.text(signatory, "signatory", Checks.SHORT_TEXT);
        Checks.required(capacity, "capacity");
    }
}
