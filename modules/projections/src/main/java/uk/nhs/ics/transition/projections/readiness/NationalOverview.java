package uk.nhs.ics.transition.projections.readiness;

import java.util.List;

/**
 * The nation at a date as the national overview shows it, read at once so its parts agree.
 *
 * @param readiness the nation's counts
 * @param systems every ICS with its ratings, by code
 * @param trend ICSs by overall rating each week up to the date
 */
public record NationalOverview(NationalReadiness readiness, List<IcsRating> systems, RatingTrend trend) {

    public NationalOverview {
        systems = List.copyOf(systems);
    }
}
