package uk.nhs.ics.transition.projections.readiness;

import java.util.List;

/**
 * A region at a date as its page shows it, read at once so its parts agree.
 *
 * @param readiness its ICSs with their ratings
 * @param overdue the overdue milestones of the ICSs the reader may see, oldest first
 * @param trend its ICSs by overall rating each week up to the date
 */
public record RegionOverview(RegionReadiness readiness, List<OverdueMilestone> overdue, RatingTrend trend) {

    public RegionOverview {
        overdue = List.copyOf(overdue);
    }
}
