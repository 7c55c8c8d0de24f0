package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;

/** A milestone in progress was flagged at risk. */
@Revision("1")
public record MilestoneFlaggedAtRisk(IcsCode icsCode, MilestoneCode milestone, String reason) implements IcsEvent {}
