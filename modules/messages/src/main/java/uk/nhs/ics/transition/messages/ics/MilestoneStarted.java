package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;

/** Work on a milestone started (for a derived milestone: the first of its facts was recorded). */
@Revision("1")
public record MilestoneStarted(IcsCode icsCode, MilestoneCode milestone, boolean derived) implements IcsEvent {}
