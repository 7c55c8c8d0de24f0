package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Due diligence planning started. */
@Revision("1")
public record DueDiligencePlanningStarted(IcsCode icsCode, LocalDate startedOn) implements IcsEvent {}
