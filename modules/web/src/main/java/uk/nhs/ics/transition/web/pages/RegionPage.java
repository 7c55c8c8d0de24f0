package uk.nhs.ics.transition.web.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.nhs.ics.transition.domain.readiness.Rating;
import uk.nhs.ics.transition.projections.readiness.IcsRating;
import uk.nhs.ics.transition.projections.readiness.OverdueMilestone;
import uk.nhs.ics.transition.projections.readiness.RatingTrend;
import uk.nhs.ics.transition.projections.readiness.RegionReadiness;
import uk.nhs.ics.transition.web.csv.CsvView;
import uk.nhs.ics.transition.web.readiness.ReadinessTables;

/**
 * What a region's page shows: its ICSs as a table (sorted as asked), its overdue milestones oldest first, and its
 * trend.
 *
 * @param readiness the region's ICSs with their ratings
 * @param systems the same ICSs in the order asked for
 * @param sort the column they are sorted by
 * @param descending whether that order is reversed
 * @param overdue every overdue milestone of the region, oldest first
 * @param trend its ICSs by rating each week
 * @param chart the trend drawn
 */
public record RegionPage(
        RegionReadiness readiness,
        List<IcsRating> systems,
        String sort,
        boolean descending,
        List<OverdueMilestone> overdue,
        RatingTrend trend,
        TrendChart chart) {

    /** The columns the table of ICSs can be sorted by, each first sorted the way a reader most wants it. */
    static final List<String> SORTS = List.of("name", "overall", "Q1", "Q2", "Q3", "Q4", "EST", "percent", "overdue");

    static List<IcsRating> sorted(List<IcsRating> systems, String sort, boolean descending) {
        Comparator<IcsRating> order =
                switch (sort) {
                    case "overall" -> Comparator.comparing(IcsRating::overallRating);
                    case "Q1", "Q2", "Q3", "Q4", "EST" ->
                        Comparator.comparing(
                                (IcsRating ics) -> ics.ratingsByQuarter().get(sort),
                                Comparator.nullsFirst(Comparator.<Rating>naturalOrder()));
                    case "percent" -> Comparator.comparingInt(IcsRating::percentComplete);
                    case "overdue" -> Comparator.comparingInt(IcsRating::overdueCount);
                    default -> Comparator.comparing(IcsRating::name);
                };
        order = order.thenComparing(IcsRating::name);
        List<IcsRating> sorted = new ArrayList<>(systems);
        sorted.sort(descending ? order.reversed() : order);
        return sorted;
    }

    /** The periods an ICS is rated in. */
    public List<String> quarters() {
        return NationalPage.QUARTERS;
    }

    /** The order asked for, for the form that changes the page's times to keep. */
    public Map<String, String> keep() {
        Map<String, String> keep = new LinkedHashMap<>();
        if (!sort.equals("name") || descending) {
            keep.put("sort", sort);
            keep.put("dir", descending ? "desc" : "asc");
        }
        return keep;
    }

    /** The {@code aria-sort} of a column's header. */
    public String ariaSort(String column) {
        if (!column.equals(sort)) {
            return "none";
        }
        return descending ? "descending" : "ascending";
    }

    /** The query that sorts by a column: the other way if it is already sorted by it. */
    public String sortQuery(String column) {
        boolean reverse = column.equals(sort) ? !descending : !column.equals("name") && !column.equals("percent");
        return "sort=" + column + (reverse ? "&dir=desc" : "");
    }

    Optional<CsvView> table(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "systems" -> ReadinessTables.region(readiness);
                    case "overdue" -> overdue(overdue);
                    case "trend" -> TrendChart.table(trend);
                    default -> null;
                });
    }

    static DownloadTable overdue(List<OverdueMilestone> overdue) {
        DownloadTable.Builder table = DownloadTable.of(
                "icsCode", "icsName", "milestone", "title", "quarter", "dueDate", "daysOverdue", "status");
        for (OverdueMilestone milestone : overdue) {
            table.row(
                    milestone.icsCode(),
                    milestone.icsName(),
                    milestone.milestone(),
                    milestone.title(),
                    milestone.quarter(),
                    milestone.dueDate(),
                    milestone.daysOverdue(),
                    milestone.status());
        }
        return table.build();
    }
}
