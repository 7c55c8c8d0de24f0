package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;

/** A party agrees the scheme: the CCG (its accountable officer) or a receiving ICS (its designate chief executive). */
public record AgreeTransferScheme(
        @TargetAggregateIdentifier CcgCode ccgCode,
        SchemeParty party,
        String signatory,
        @TargetAggregateVersion Long expectedVersion) {

    public AgreeTransferScheme {
        Checks.required(ccgCode, "ccgCode");
        Checks.required(party, "party");
        signatory = Checks.text(signatory, "signatory", Checks.SHORT_TEXT);
    }
}
