package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Tells a receiving ICS that a CCG's transfer scheme was agreed on a day (relayed from the scheme). */
public record NoteTransferSchemeAgreed(
        @TargetAggregateIdentifier IcsCode icsCode, CcgCode ccgCode, LocalDate agreedOn) {

    public NoteTransferSchemeAgreed {
        Checks.required(icsCode, "icsCode");
        Checks.required(ccgCode, "ccgCode");
        Checks.required(agreedOn, "agreedOn");
    }
}
