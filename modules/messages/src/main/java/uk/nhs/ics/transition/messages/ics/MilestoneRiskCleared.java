package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;

/** A milestone flagged at risk was put back on track. */
@Revision("1")
public record MilestoneRiskCleared(IcsCode icsCode, MilestoneCode milestone, String reason) implements IcsEvent {}
