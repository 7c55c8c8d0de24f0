package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Every party has agreed: the scheme is frozen except by recorded variation. */
@Revision("1")
public record TransferSchemeAgreed(CcgCode ccgCode, List<IcsCode> receivingIcss, LocalDate agreedOn)
        implements CcgEvent {

    public TransferSchemeAgreed {
        receivingIcss = receivingIcss == null ? List.of() : List.copyOf(receivingIcss);
    }
}
