package uk.nhs.ics.transition.messages.ics;

import java.util.List;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Sign-offs given so far no longer stand because the items changed after they were given. */
@Revision("1")
public record DueDiligenceSignOffsWithdrawn(IcsCode icsCode, List<String> signatories, String reason)
        implements IcsEvent {

    public DueDiligenceSignOffsWithdrawn {
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
    }
}
