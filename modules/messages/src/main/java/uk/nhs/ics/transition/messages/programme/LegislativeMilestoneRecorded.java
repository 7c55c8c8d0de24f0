package uk.nhs.ics.transition.messages.programme;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;

/** A stage of the Bill happened on the day given. */
@Revision("1")
public record LegislativeMilestoneRecorded(String programmeId, LegislativeMilestone milestone, LocalDate occurredOn)
        implements ProgrammeEvent {}
