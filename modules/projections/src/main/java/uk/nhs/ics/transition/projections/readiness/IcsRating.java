package uk.nhs.ics.transition.projections.readiness;

import java.util.Map;
import uk.nhs.ics.transition.domain.readiness.Rating;

/**
 * An ICS rated at a date.
 *
 * @param code the ICS code
 * @param name its name
 * @param regionCode its region
 * @param overallRating the worst rating over the quarters that have started
 * @param ratingsByQuarter the worst rating of its milestones in each quarter (and EST)
 * @param milestonesComplete how many milestones were complete on the date
 * @param milestonesTotal how many milestones its plan has
 * @param percentComplete milestones complete as a whole percentage
 * @param overdueCount how many milestones are past their due date and not complete
 */
public record IcsRating(
        String code,
        String name,
        String regionCode,
        Rating overallRating,
        Map<String, Rating> ratingsByQuarter,
        int milestonesComplete,
        int milestonesTotal,
        int percentComplete,
        int overdueCount) {}
