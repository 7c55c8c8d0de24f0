package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The constitution was submitted for approval, with any board gaps and their plans. */
@Revision("1")
public record ConstitutionSubmitted(IcsCode icsCode, int draftVersion, List<BoardGap> gaps, LocalDate submittedOn)
        implements IcsEvent {

    public ConstitutionSubmitted {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }
}
