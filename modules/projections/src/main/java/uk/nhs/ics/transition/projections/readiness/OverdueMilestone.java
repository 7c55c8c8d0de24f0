package uk.nhs.ics.transition.projections.readiness;

import java.time.LocalDate;
import uk.nhs.ics.transition.messages.common.MilestoneStatus;
import uk.nhs.ics.transition.messages.common.Quarter;

/**
 * A milestone not complete and past its due date.
 *
 * @param icsCode the ICS
 * @param icsName its name
 * @param regionCode its region
 * @param milestone the milestone code
 * @param title the milestone's title
 * @param quarter its quarter
 * @param dueDate when it was due
 * @param daysOverdue how many days past due it is on the rating date
 * @param status where it stands
 */
public record OverdueMilestone(
        String icsCode,
        String icsName,
        String regionCode,
        String milestone,
        String title,
        Quarter quarter,
        LocalDate dueDate,
        long daysOverdue,
        MilestoneStatus status) {}
