package uk.nhs.ics.transition.projections.readiness;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.domain.readiness.MilestoneRating;
import uk.nhs.ics.transition.domain.readiness.RagRules;
import uk.nhs.ics.transition.domain.readiness.Rating;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.MilestoneStatus;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.Json;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.TemporalTable;
import uk.nhs.ics.transition.projections.programme.BaselineRecord;
import uk.nhs.ics.transition.projections.programme.ProgrammeQueries;

/**
 * Milestones, ratings and readiness, computed from the milestone states known at the knowledge time and the baseline
 * in force on the rating date. One query reads every milestone of the ICSs asked for; the ratings follow in memory.
 */
public class ReadinessQueries {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ProgrammeQueries programme;

    public ReadinessQueries(JdbcClient jdbc, ProgrammeQueries programme) {
        this.jdbc = jdbc;
        this.programme = programme;
    }

    /** The milestones of one ICS rated at the date; empty if the ICS was not known at the knowledge time. */
    public Optional<List<MilestoneView>> milestones(String ics, LocalDate at, AsOf asOf) {
        Baseline baseline = programme.inForce(at, asOf).baseline();
        return load(Set.of(ics), null, asOf).stream().findFirst().map(system -> system.milestones.stream()
                .map(row -> view(row, baseline, at))
                .toList());
    }

    /** One ICS rated at the date. */
    public Optional<IcsRating> rating(String ics, LocalDate at, AsOf asOf) {
        Baseline baseline = programme.inForce(at, asOf).baseline();
        return load(Set.of(ics), null, asOf).stream().findFirst().map(system -> rate(system, baseline, at));
    }

    /** The ICSs that pass the filter, rated at the date, by code. */
    public List<IcsRating> ratings(Predicate<String> readable, String regionCode, LocalDate at, AsOf asOf) {
        Baseline baseline = programme.inForce(at, asOf).baseline();
        return load(null, regionCode, asOf).stream()
                .filter(system -> readable.test(system.code))
                .map(system -> rate(system, baseline, at))
                .toList();
    }

    /** The nation's readiness at the date. */
    public NationalReadiness national(LocalDate at, AsOf asOf) {
        return national(load(null, null, asOf), programme.inForce(at, asOf), at, asOf);
    }

    /**
     * What the national overview shows, from one read of the milestones and one of the baselines: the nation's
     * readiness at the date (as {@link #national}), every ICS's rating (as {@link #ratings}) and the trend (as
     * {@link #trend}), all as known at the same instant.
     */
    public NationalOverview nationalOverview(LocalDate at, AsOf asOf) {
        List<SystemMilestones> systems = load(null, null, asOf);
        List<BaselineRecord> baselines = programme.baselines(asOf);
        BaselineRecord inForce = ProgrammeQueries.inForce(baselines, at);
        return new NationalOverview(
                national(systems, inForce, at, asOf),
                systems.stream()
                        .map(system -> rate(system, inForce.baseline(), at))
                        .toList(),
                trend(systems, baselines, null, at, asOf));
    }

    private NationalReadiness national(
            List<SystemMilestones> systems, BaselineRecord inForce, LocalDate at, AsOf asOf) {
        List<IcsRating> ratings = new ArrayList<>();
        Map<String, List<Rating>> byQuarter = new LinkedHashMap<>();
        for (Quarter quarter : Quarter.values()) {
            byQuarter.put(quarter.name(), new ArrayList<>());
        }
        int overdue = 0;
        for (SystemMilestones system : systems) {
            IcsRating rating = rate(system, inForce.baseline(), at);
            ratings.add(rating);
            rating.ratingsByQuarter()
                    .forEach((quarter, r) -> byQuarter.get(quarter).add(r));
            overdue += rating.overdueCount();
        }
        Map<String, RatingCounts> quarterCounts = new LinkedHashMap<>();
        byQuarter.forEach((quarter, list) -> quarterCounts.put(quarter, RatingCounts.of(list)));
        List<NationalReadiness.RegionCounts> regions = new ArrayList<>();
        for (Map.Entry<String, String> region : regionNames(asOf).entrySet()) {
            List<IcsRating> inRegion = ratings.stream()
                    .filter(r -> r.regionCode().equals(region.getKey()))
                    .toList();
            regions.add(new NationalReadiness.RegionCounts(
                    region.getKey(),
                    region.getValue(),
                    RatingCounts.of(
                            inRegion.stream().map(IcsRating::overallRating).toList()),
                    inRegion.stream().mapToInt(IcsRating::overdueCount).sum()));
        }
        return new NationalReadiness(
                at,
                asOf.instant().orElse(null),
                inForce.number(),
                inForce.baseline().establishmentDate(),
                ratings.size(),
                RatingCounts.of(ratings.stream().map(IcsRating::overallRating).toList()),
                quarterCounts,
                regions,
                overdue);
    }

    /** A region's readiness at the date; empty if the region was not known at the knowledge time. */
    public Optional<RegionReadiness> region(String regionCode, LocalDate at, AsOf asOf) {
        return region(regionCode, load(null, regionCode, asOf), programme.inForce(at, asOf), at, asOf);
    }

    /**
     * What a region's page shows, from one read of the region's milestones and one of the baselines: its readiness
     * (as {@link #region}), the overdue milestones of the ICSs that pass the filter, oldest first (as
     * {@link #overdue}), and its trend (as {@link #trend}); empty if the region was not known at the knowledge time.
     */
    public Optional<RegionOverview> regionOverview(
            String regionCode, Predicate<String> readable, LocalDate at, AsOf asOf) {
        List<SystemMilestones> systems = load(null, regionCode, asOf);
        List<BaselineRecord> baselines = programme.baselines(asOf);
        BaselineRecord inForce = ProgrammeQueries.inForce(baselines, at);
        return region(regionCode, systems, inForce, at, asOf)
                .map(region -> new RegionOverview(
                        region,
                        oldestFirst(systems.stream()
                                .filter(system -> readable.test(system.code))
                                .flatMap(system -> overdue(system, inForce.baseline(), at).stream())
                                .toList()),
                        trend(systems, baselines, regionCode, at, asOf)));
    }

    private Optional<RegionReadiness> region(
            String regionCode, List<SystemMilestones> loaded, BaselineRecord inForce, LocalDate at, AsOf asOf) {
        String name = regionNames(asOf).get(regionCode);
        if (name == null) {
            return Optional.empty();
        }
        Baseline baseline = inForce.baseline();
        List<RegionReadiness.SystemReadiness> systems = new ArrayList<>();
        for (SystemMilestones system : loaded) {
            systems.add(new RegionReadiness.SystemReadiness(rate(system, baseline, at), overdue(system, baseline, at)));
        }
        return Optional.of(new RegionReadiness(
                regionCode,
                name,
                at,
                asOf.instant().orElse(null),
                RatingCounts.of(
                        systems.stream().map(s -> s.rating().overallRating()).toList()),
                systems));
    }

    /** Every overdue milestone of the ICSs that pass the filter (optionally of one region), oldest first. */
    public Page<OverdueMilestone> overdue(
            Predicate<String> readable, String regionCode, LocalDate at, AsOf asOf, PageRequest page) {
        Baseline baseline = programme.inForce(at, asOf).baseline();
        List<OverdueMilestone> all = new ArrayList<>();
        for (SystemMilestones system : load(null, regionCode, asOf)) {
            if (readable.test(system.code)) {
                all.addAll(overdue(system, baseline, at));
            }
        }
        all = oldestFirst(all);
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new Page<>(all.subList(from, to), page.page(), page.size(), all.size());
    }

    private static List<OverdueMilestone> oldestFirst(List<OverdueMilestone> overdue) {
        List<OverdueMilestone> sorted = new ArrayList<>(overdue);
        sorted.sort(Comparator.comparing(OverdueMilestone::dueDate)
                .thenComparing(OverdueMilestone::icsCode)
                .thenComparing(o -> MilestoneCode.of(o.milestone()).ordinal()));
        return sorted;
    }

    /**
     * The ICSs that pass the filter (optionally of one region) by overall rating, every week from the start of the
     * programme up to the rating date, as known at the knowledge time. Each point equals what {@link #national} or
     * {@link #region} answers for its date, under the baseline in force on that date; the whole trend costs one read
     * of the milestones and one of the baselines, the ratings follow in memory.
     */
    public RatingTrend trend(Predicate<String> readable, String regionCode, LocalDate at, AsOf asOf) {
        return trend(
                load(null, regionCode, asOf).stream()
                        .filter(system -> readable.test(system.code))
                        .toList(),
                programme.baselines(asOf),
                regionCode,
                at,
                asOf);
    }

    private static RatingTrend trend(
            List<SystemMilestones> loaded, List<BaselineRecord> baselines, String regionCode, LocalDate at, AsOf asOf) {
        List<List<RagRules.MilestoneFacts>> systems =
                loaded.stream().map(ReadinessQueries::facts).toList();
        LocalDate establishment =
                ProgrammeQueries.inForce(baselines, at).baseline().establishmentDate();
        List<RatingTrend.Point> points = new ArrayList<>();
        for (LocalDate date : RatingTrend.dates(at, establishment)) {
            BaselineRecord inForce = ProgrammeQueries.inForce(baselines, date);
            Baseline baseline = inForce.baseline();
            List<Rating> ratings = new ArrayList<>(systems.size());
            for (List<RagRules.MilestoneFacts> facts : systems) {
                ratings.add(RagRules.overall(RagRules.byQuarter(facts, baseline, date), baseline, date));
            }
            points.add(new RatingTrend.Point(date, inForce.number(), RatingCounts.of(ratings)));
        }
        return new RatingTrend(regionCode, at, asOf.instant().orElse(null), points);
    }

    // ---------------------------------------------------------------- computation

    private static List<RagRules.MilestoneFacts> facts(SystemMilestones system) {
        return system.milestones.stream()
                .map(row -> new RagRules.MilestoneFacts(row.milestone, row.status, row.completedOn))
                .toList();
    }

    private IcsRating rate(SystemMilestones system, Baseline baseline, LocalDate at) {
        List<RagRules.MilestoneFacts> facts = facts(system);
        Map<Quarter, Rating> byQuarter = RagRules.byQuarter(facts, baseline, at);
        Map<String, Rating> ratings = new LinkedHashMap<>();
        byQuarter.forEach((quarter, rating) -> ratings.put(quarter.name(), rating));
        int complete = 0;
        int overdue = 0;
        for (RagRules.MilestoneFacts fact : facts) {
            MilestoneRating rating = RagRules.rate(fact, baseline, at);
            if (fact.status() == MilestoneStatus.COMPLETE && !fact.completedOn().isAfter(at)) {
                complete++;
            }
            if (rating.overdue()) {
                overdue++;
            }
        }
        int total = facts.size();
        return new IcsRating(
                system.code,
                system.name,
                system.region,
                RagRules.overall(byQuarter, baseline, at),
                ratings,
                complete,
                total,
                total == 0 ? 0 : complete * 100 / total,
                overdue);
    }

    private List<OverdueMilestone> overdue(SystemMilestones system, Baseline baseline, LocalDate at) {
        List<OverdueMilestone> overdue = new ArrayList<>();
        for (MilestoneRow row : system.milestones) {
            LocalDate due = baseline.dueDate(row.milestone);
            if (RagRules.rate(row.status, row.completedOn, due, at).overdue()) {
                overdue.add(new OverdueMilestone(
                        system.code,
                        system.name,
                        system.region,
                        row.milestone.code(),
                        row.milestone.title(),
                        row.milestone.quarter(),
                        due,
                        ChronoUnit.DAYS.between(due, at),
                        row.status));
            }
        }
        return overdue;
    }

    private static MilestoneView view(MilestoneRow row, Baseline baseline, LocalDate at) {
        LocalDate due = baseline.dueDate(row.milestone);
        MilestoneRating rating = RagRules.rate(row.status, row.completedOn, due, at);
        return new MilestoneView(
                row.milestone.code(),
                row.milestone.quarter(),
                row.milestone.title(),
                row.milestone.requirement(),
                row.milestone.kind(),
                row.milestone.completingFacts().orElse(null),
                due,
                row.status,
                rating.rating(),
                rating.rule(),
                rating.completeLate(),
                rating.overdue(),
                row.completedOn,
                row.evidence,
                row.atRiskReason,
                row.note);
    }

    // ---------------------------------------------------------------- reading

    private record MilestoneRow(
            MilestoneCode milestone,
            MilestoneStatus status,
            LocalDate completedOn,
            List<Evidence> evidence,
            String atRiskReason,
            String note) {}

    private static final class SystemMilestones {
        final String code;
        final String name;
        final String region;
        final List<MilestoneRow> milestones = new ArrayList<>();

        SystemMilestones(String code, String name, String region) {
            this.code = code;
            this.name = name;
            this.region = region;
        }
    }

    /** The milestones of the ICSs asked for (all if {@code codes} is null), as known at the knowledge time. */
    private List<SystemMilestones> load(Collection<String> codes, String regionCode, AsOf asOf) {
        Map<String, SystemMilestones> systems = new TreeMap<>();
        jdbc.sql("SELECT i.ics_code, i.name, i.region_code, m.milestone, m.status, m.completed_on,"
                        + " m.evidence::text, m.at_risk_reason, m.note"
                        + " FROM ics_view i JOIN milestone_state m ON m.ics_code = i.ics_code AND "
                        + TemporalTable.valid("m", asOf)
                        + " WHERE i.recorded_at <= :asOf"
                        + " AND (CAST(:region AS text) IS NULL OR i.region_code = :region)"
                        + (codes == null ? "" : " AND i.ics_code = ANY(:codes)")
                        + " ORDER BY i.ics_code")
                .param("asOf", asOf.bound())
                .param("region", regionCode)
                .params(codes == null ? Map.of() : Map.of("codes", codes.toArray(String[]::new)))
                .query(rs -> {
                    String code = rs.getString(1);
                    String name = rs.getString(2);
                    String region = rs.getString(3);
                    SystemMilestones system = systems.computeIfAbsent(code, c -> new SystemMilestones(c, name, region));
                    MilestoneCode milestone = MilestoneCode.of(rs.getString(4));
                    system.milestones.add(new MilestoneRow(
                            milestone,
                            MilestoneStatus.valueOf(rs.getString(5)),
                            rs.getObject(6, LocalDate.class),
                            Json.read(rs.getString(7), EVIDENCE),
                            rs.getString(8),
                            rs.getString(9)));
                });
        systems.values().forEach(system -> system.milestones.sort(Comparator.comparing(MilestoneRow::milestone)));
        return new ArrayList<>(systems.values());
    }

    private Map<String, String> regionNames(AsOf asOf) {
        Map<String, String> names = new TreeMap<>();
        jdbc.sql("SELECT region_code, name FROM region_view WHERE recorded_at <= :asOf")
                .param("asOf", asOf.bound())
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }
}
