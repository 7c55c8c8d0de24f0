package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;

/** A milestone was completed on the day given (for a derived milestone: its facts are all recorded). */
@Revision("1")
public record MilestoneCompleted(
        IcsCode icsCode, MilestoneCode milestone, LocalDate completedOn, List<Evidence> evidence, boolean derived)
        implements IcsEvent {

    public MilestoneCompleted {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
