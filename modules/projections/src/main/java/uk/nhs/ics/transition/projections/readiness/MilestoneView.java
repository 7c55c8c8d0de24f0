package uk.nhs.ics.transition.projections.readiness;

import java.time.LocalDate;
import java.util.List;
import uk.nhs.ics.transition.domain.readiness.Rating;
import uk.nhs.ics.transition.domain.readiness.RatingRule;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.MilestoneKind;
import uk.nhs.ics.transition.messages.common.MilestoneStatus;
import uk.nhs.ics.transition.messages.common.Quarter;

/**
 * One milestone of one ICS, rated at a date.
 *
 * @param code the stable milestone code
 * @param quarter Q1 to Q4, or EST for the establishment duties
 * @param title a short title
 * @param requirement what must be true, as the timetable words it
 * @param kind MANUAL or DERIVED
 * @param completingFacts for a derived milestone, the facts that complete it
 * @param dueDate the due date under the baseline in force on the rating date
 * @param status NOT_STARTED, IN_PROGRESS, AT_RISK or COMPLETE
 * @param rating GREEN, AMBER or RED at the rating date
 * @param ratingRule the rule of the timetable that gave it that rating (why it is red, amber or green)
 * @param completeLate whether it was completed after its due date
 * @param overdue whether it is not complete and past its due date
 * @param completedOn when it was achieved
 * @param evidence the evidence given when it was completed
 * @param atRiskReason why it is at risk
 * @param note the reason given when it was last reopened or put back on track
 */
public record MilestoneView(
        String code,
        Quarter quarter,
        String title,
        String requirement,
        MilestoneKind kind,
        String completingFacts,
        LocalDate dueDate,
        MilestoneStatus status,
        Rating rating,
        RatingRule ratingRule,
        boolean completeLate,
        boolean overdue,
        LocalDate completedOn,
        List<Evidence> evidence,
        String atRiskReason,
        String note) {}
