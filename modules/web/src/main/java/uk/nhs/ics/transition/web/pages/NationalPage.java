package uk.nhs.ics.transition.web.pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.nhs.ics.transition.projections.programme.ProgrammeView;
import uk.nhs.ics.transition.projections.readiness.IcsRating;
import uk.nhs.ics.transition.projections.readiness.NationalReadiness;
import uk.nhs.ics.transition.projections.readiness.RatingTrend;
import uk.nhs.ics.transition.web.csv.CsvView;
import uk.nhs.ics.transition.web.readiness.ReadinessTables;

/**
 * What the national overview shows: the nation's and each region's counts, every ICS by region with its ratings,
 * the trend, the baselines and the Bill's stages.
 *
 * @param readiness the national counts
 * @param regions each region with its counts and its ICSs
 * @param programme the baseline in force, its history and the legislation
 * @param trend ICSs by rating each week
 * @param chart the trend drawn
 */
public record NationalPage(
        NationalReadiness readiness,
        List<Region> regions,
        ProgrammeView programme,
        RatingTrend trend,
        TrendChart chart) {

    /** A region with its counts and its ICSs. */
    public record Region(NationalReadiness.RegionCounts counts, List<IcsRating> systems) {}

    static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4", "EST");

    /** The periods an ICS is rated in: the four quarters and the establishment duties. */
    public List<String> quarters() {
        return QUARTERS;
    }

    /** The page's tables, by the name their download has. */
    Optional<CsvView> table(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "regions" -> ReadinessTables.national(readiness);
                    case "systems" -> systems();
                    case "trend" -> TrendChart.table(trend);
                    case "baselines" -> baselines();
                    case "legislation" -> legislation();
                    default -> null;
                });
    }

    private DownloadTable systems() {
        DownloadTable.Builder table = DownloadTable.of(
                "regionCode",
                "regionName",
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
                "at");
        for (Region region : regions) {
            for (IcsRating ics : region.systems()) {
                Map<String, ?> quarters = ics.ratingsByQuarter();
                table.row(
                        region.counts().regionCode(),
                        region.counts().name(),
                        ics.code(),
                        ics.name(),
                        ics.overallRating(),
                        quarters.get("Q1"),
                        quarters.get("Q2"),
                        quarters.get("Q3"),
                        quarters.get("Q4"),
                        quarters.get("EST"),
                        ics.percentComplete(),
                        ics.overdueCount(),
                        readiness.at());
            }
        }
        return table.build();
    }

    private DownloadTable baselines() {
        DownloadTable.Builder table = DownloadTable.of(
                "baselineNumber",
                "decidedOn",
                "establishmentDate",
                "q1End",
                "q2End",
                "q3End",
                "q4End",
                "milestoneDueDateOverrides",
                "reason",
                "recordedAt");
        for (ProgrammeView.BaselineHistoryEntry baseline : programme.baselineHistory()) {
            table.row(
                    baseline.baselineNumber(),
                    baseline.decidedOn(),
                    baseline.establishmentDate(),
                    baseline.quarterEnds().get("Q1"),
                    baseline.quarterEnds().get("Q2"),
                    baseline.quarterEnds().get("Q3"),
                    baseline.quarterEnds().get("Q4"),
                    overrides(baseline.milestoneDueDateOverrides()),
                    baseline.reason(),
                    baseline.recordedAt());
        }
        return table.build();
    }

    private DownloadTable legislation() {
        DownloadTable.Builder table = DownloadTable.of("stage", "occurredOn");
        for (ProgrammeView.LegislativeMilestoneView stage : programme.legislativeMilestones()) {
            table.row(stage.milestone(), stage.occurredOn());
        }
        return table.build();
    }

    static String overrides(Map<String, ?> overrides) {
        return String.join(
                "; ",
                overrides.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .toList());
    }
}
