package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Tells a receiving ICS that a CCG's transfer scheme is agreed (relayed from the scheme). */
public record NoteTransferSchemeAgreed(
        @TargetAggregateIdentifier IcsCode icsCode, CcgCode ccgCode) {

    public NoteTransferSchemeAgreed {
        Checks.required(icsCode, "icsCode");
        Checks.required(ccgCode, "ccgCode");
    }
}
