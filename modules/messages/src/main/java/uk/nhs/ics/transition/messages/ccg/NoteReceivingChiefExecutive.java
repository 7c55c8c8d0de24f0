package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Tells a CCG whether a receiving ICS has a designate chief executive (relayed from the ICS's board). */
public record NoteReceivingChiefExecutive(
        @TargetAggregateIdentifier CcgCode ccgCode, IcsCode icsCode, String holderName) {

    public NoteReceivingChiefExecutive {
        Checks.required(ccgCode, "ccgCode");
        Checks.required(icsCode, "icsCode");
        holderName = Checks.optionalText(holderName, "holderName", Checks.SHORT_TEXT);
    }
}
