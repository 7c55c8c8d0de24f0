package uk.nhs.ics.transition.web.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.nhs.ics.transition.projections.readiness.NationalReadiness;
import uk.nhs.ics.transition.projections.readiness.OverdueMilestone;
import uk.nhs.ics.transition.projections.readiness.RatingCounts;
import uk.nhs.ics.transition.projections.readiness.RegionReadiness;
import uk.nhs.ics.transition.web.csv.CsvView;

/**
 * The readiness summaries as the tables a spreadsheet wants: the nation as one row per count (overall, each
 * quarter, each region), a region as one row per ICS. The pages offer the same tables as their downloads.
 */
public final class ReadinessTables {

    private ReadinessTables() {}

    public static CsvView national(NationalReadiness readiness) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("overall", "national", readiness.overall(), readiness.overdueMilestones(), readiness));
        readiness.byQuarter().forEach((quarter, counts) -> rows.add(row("quarter", quarter, counts, null, readiness)));
        readiness
                .byRegion()
                .forEach(region -> rows.add(row(
                        "region",
                        region.regionCode() + " " + region.name(),
                        region.counts(),
                        region.overdueMilestones(),
                        readiness)));
        return table(
                List.of("scope", "name", "green", "amber", "red", "overdueMilestones", "at", "baselineNumber"), rows);
    }

    public static CsvView region(RegionReadiness readiness) {
        List<List<Object>> rows = new ArrayList<>();
        for (RegionReadiness.SystemReadiness system : readiness.systems()) {
            Map<String, ?> byQuarter = system.rating().ratingsByQuarter();
            rows.add(List.of(
                    system.rating().code(),
                    system.rating().name(),
                    system.rating().overallRating(),
                    value(byQuarter.get("Q1")),
                    value(byQuarter.get("Q2")),
                    value(byQuarter.get("Q3")),
                    value(byQuarter.get("Q4")),
                    value(byQuarter.get("EST")),
                    system.rating().percentComplete(),
                    system.rating().overdueCount(),
                    system.overdue().stream().map(OverdueMilestone::milestone).collect(Collectors.joining("; ")),
                    readiness.at()));
        }
        return table(
                List.of(
                        "icsCode",
                        "name",
                        "overallRating",
                        "q1",
                        "q2",
                        "q3",
                        "q4",
                        "est",
                        "percentComplete",
                        "overdueCount",
                        "overdueMilestones",
                        "at"),
                rows);
    }

    private static List<Object> row(
            String scope, String name, RatingCounts counts, Integer overdue, NationalReadiness readiness) {
        List<Object> row = new ArrayList<>();
        row.add(scope);
        row.add(name);
        row.add(counts.green());
        row.add(counts.amber());
        row.add(counts.red());
        row.add(overdue == null ? "" : overdue);
        row.add(readiness.at());
        row.add(readiness.baselineNumber());
        return row;
    }

    private static Object value(Object value) {
        return value == null ? "" : value;
    }

    private static CsvView table(List<String> header, List<List<Object>> rows) {
        return CsvView.of(header, rows);
    }
}
