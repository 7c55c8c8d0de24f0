package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;

/** A complete milestone was reopened and is in progress again (for a derived milestone: one of its facts was undone). */
@Revision("1")
public record MilestoneReopened(IcsCode icsCode, MilestoneCode milestone, String reason, boolean derived)
        implements IcsEvent {}
