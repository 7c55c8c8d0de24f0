package uk.nhs.ics.transition.messages.programme;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.Baseline;

/** The national programme was opened with its first baseline. */
@Revision("1")
public record ProgrammeOpened(String programmeId, Baseline baseline) implements ProgrammeEvent {}
