package uk.nhs.ics.transition.projections.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.ProjectionPositions;

/**
 * Reads the programme as the {@link ProgrammeProjection} recorded it. Two times are kept apart: a rating date
 * {@code at} picks the baseline in force on that date (the latest decided on or before it), and the knowledge time
 * {@code asOf} ignores baselines recorded after it.
 */
public class ProgrammeQueries {

    private final JdbcClient jdbc;
    private final ProjectionPositions positions;

    public ProgrammeQueries(JdbcClient jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    /** Every baseline recorded as of the knowledge time, oldest first. */
    public List<BaselineRecord> baselines(AsOf asOf) {
        return jdbc.sql("""
                        SELECT baseline_number, decided_on, establishment_date, quarter_ends::text,
                               due_date_overrides::text, reason, recorded_at
                          FROM programme_baseline
                         WHERE recorded_at <= :asOf
                         ORDER BY baseline_number""")
                .param("asOf", asOf.bound())
                .query((rs, n) -> new BaselineRecord(
                        rs.getInt(1),
                        rs.getObject(2, LocalDate.class),
                        BaselineJson.read(rs.getString(4), rs.getObject(3, LocalDate.class), rs.getString(5)),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /**
     * The baseline in force on a date as known at the knowledge time: the latest decided on or before the date
     * (the first baseline is in force from the start of the programme, and before it).
     */
    public BaselineRecord inForce(LocalDate at, AsOf asOf) {
        return inForce(baselines(asOf), at);
    }

    /** The baseline of the history (oldest first, as {@link #baselines} reads it) in force on a date. */
    public static BaselineRecord inForce(List<BaselineRecord> baselines, LocalDate at) {
        BaselineRecord inForce = null;
        for (BaselineRecord record : baselines) {
            if (inForce == null || !record.decidedOn().isAfter(at)) {
                inForce = record;
            }
        }
        if (inForce == null) {
            return new BaselineRecord(0, Programme.START, Programme.JUNE_2021_BASELINE, null, null);
        }
        return inForce;
    }

    public List<ProgrammeView.LegislativeMilestoneView> legislation(AsOf asOf) {
        return jdbc.sql("""
                        SELECT milestone, occurred_on FROM legislative_milestone
                         WHERE recorded_at <= :asOf ORDER BY occurred_on, milestone""")
                .param("asOf", asOf.bound())
                .query((rs, n) ->
                        new ProgrammeView.LegislativeMilestoneView(rs.getString(1), rs.getObject(2, LocalDate.class)))
                .list();
    }

    public ProgrammeView programme(LocalDate at, AsOf asOf) {
        List<BaselineRecord> history = baselines(asOf);
        BaselineRecord inForce = inForce(history, at);
        List<ProgrammeView.BaselineHistoryEntry> entries = new ArrayList<>();
        for (BaselineRecord record : history) {
            entries.add(new ProgrammeView.BaselineHistoryEntry(
                    record.number(),
                    record.decidedOn(),
                    record.baseline().establishmentDate(),
                    quarterEnds(record.baseline()),
                    overrides(record.baseline()),
                    record.reason(),
                    record.recordedAt()));
        }
        Map<String, LocalDate> dueDates = new LinkedHashMap<>();
        for (MilestoneCode milestone : MilestoneCode.values()) {
            dueDates.put(milestone.code(), inForce.baseline().dueDate(milestone));
        }
        return new ProgrammeView(
                at,
                inForce.number(),
                inForce.decidedOn(),
                quarterEnds(inForce.baseline()),
                inForce.baseline().establishmentDate(),
                dueDates,
                legislation(asOf),
                entries,
                asOf.isNow()
                        ? positions
                                .version(ProgrammeProjection.NAME, Programme.ID)
                                .orElse(null)
                        : null);
    }

    private static Map<String, LocalDate> quarterEnds(Baseline baseline) {
        Map<String, LocalDate> ends = new TreeMap<>();
        for (Quarter quarter : Quarter.values()) {
            if (quarter.isFinancialQuarter()) {
                ends.put(quarter.name(), baseline.end(quarter));
            }
        }
        return ends;
    }

    private static Map<String, LocalDate> overrides(Baseline baseline) {
        Map<String, LocalDate> overrides = new TreeMap<>();
        baseline.dueDateOverrides().forEach((milestone, due) -> overrides.put(milestone.code(), due));
        return overrides;
    }
}
