package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Every required signatory has signed due diligence off. */
@Revision("1")
public record DueDiligenceCompleted(IcsCode icsCode, LocalDate completedOn) implements IcsEvent {}
