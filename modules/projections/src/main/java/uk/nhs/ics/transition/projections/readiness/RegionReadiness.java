package uk.nhs.ics.transition.projections.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A region's readiness at a date: its ICSs with their ratings and overdue milestones.
 *
 * @param regionCode the region
 * @param name its name
 * @param at the rating date
 * @param asOf the knowledge time, or null for now
 * @param counts its ICSs by overall rating
 * @param systems each ICS with its ratings and what it has overdue
 */
public record RegionReadiness(
        String regionCode,
        String name,
        LocalDate at,
        Instant asOf,
        RatingCounts counts,
        List<SystemReadiness> systems) {

    /** One ICS of the region. */
    public record SystemReadiness(IcsRating rating, List<OverdueMilestone> overdue) {}
}
