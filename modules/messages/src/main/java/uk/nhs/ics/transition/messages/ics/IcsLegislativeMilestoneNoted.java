package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.LegislativeStageNoted;

/** The ICS learned that the Bill reached a stage. */
@Revision("1")
public record IcsLegislativeMilestoneNoted(IcsCode icsCode, LegislativeMilestone milestone, LocalDate occurredOn)
        implements IcsEvent, LegislativeStageNoted {}
