package uk.nhs.ics.transition.messages.ccg;

import java.util.List;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;

/** Agreements given so far no longer stand because the scheme changed after they were given. */
@Revision("1")
public record TransferSchemeAgreementsReset(CcgCode ccgCode, List<SchemeParty> parties, String reason)
        implements CcgEvent {

    public TransferSchemeAgreementsReset {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }
}
