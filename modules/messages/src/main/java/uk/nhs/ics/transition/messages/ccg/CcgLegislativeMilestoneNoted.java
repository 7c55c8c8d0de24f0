package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.LegislativeStageNoted;

/** The CCG learned that the Bill reached a stage. */
@Revision("1")
public record CcgLegislativeMilestoneNoted(CcgCode ccgCode, LegislativeMilestone milestone, LocalDate occurredOn)
        implements CcgEvent, LegislativeStageNoted {}
