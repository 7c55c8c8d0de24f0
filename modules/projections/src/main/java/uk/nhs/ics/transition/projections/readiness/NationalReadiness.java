package uk.nhs.ics.transition.projections.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The nation's readiness at a date: ICSs counted by overall rating, by rating in each quarter, and by region.
 *
 * @param at the rating date
 * @param asOf the knowledge time, or null for now
 * @param baselineNumber the baseline in force on the rating date
 * @param establishmentDate its establishment date
 * @param systems how many ICSs are counted
 * @param overall ICSs by overall rating
 * @param byQuarter ICSs by their rating in each quarter (and EST)
 * @param byRegion ICSs by overall rating in each region
 * @param overdueMilestones how many milestones are overdue across the nation
 */
public record NationalReadiness(
        LocalDate at,
        Instant asOf,
        int baselineNumber,
        LocalDate establishmentDate,
        int systems,
        RatingCounts overall,
        Map<String, RatingCounts> byQuarter,
        List<RegionCounts> byRegion,
        int overdueMilestones) {

    /** One region's ICSs by overall rating. */
    public record RegionCounts(String regionCode, String name, RatingCounts counts, int overdueMilestones) {}
}
