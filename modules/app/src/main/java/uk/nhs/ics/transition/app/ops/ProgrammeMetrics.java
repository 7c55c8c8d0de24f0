package uk.nhs.ics.transition.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import uk.nhs.ics.transition.domain.readiness.Rating;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.readiness.NationalReadiness;
import uk.nhs.ics.transition.projections.readiness.RatingCounts;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;

/**
 * The programme as the national overview shows it today, for the dashboards and their history:
 * {@code ics_readiness_systems{region, rating}} (ICSs by overall rating in each region) and
 * {@code ics_readiness_overdue_milestones{region}}. One read of the readiness every {@code refresh} at most, whatever
 * the number of scrapes; every node answers the same, so dashboards take the {@code max} across nodes, never the sum.
 */
public class ProgrammeMetrics implements MeterBinder {

    private final Cached<NationalReadiness> readiness;
    private final ReferenceData referenceData;

    public ProgrammeMetrics(ReadinessQueries queries, Clock clock, ReferenceData referenceData, Duration refresh) {
        this.referenceData = referenceData;
        this.readiness = new Cached<>(() -> queries.national(LocalDate.now(clock), AsOf.now()), refresh);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ReferenceData.Region region : referenceData.regions()) {
            String code = region.code().value();
            for (Rating rating : Rating.values()) {
                Gauge.builder(
                                "ics.readiness.systems",
                                readiness,
                                r -> count(r, code, counts -> switch (rating) {
                                    case GREEN -> counts.green();
                                    case AMBER -> counts.amber();
                                    case RED -> counts.red();
                                }))
                        .description("ICSs by their overall rating today, in each region")
                        .tag("region", code)
                        .tag("rating", rating.name())
                        .strongReference(true)
                        .register(registry);
            }
            Gauge.builder("ics.readiness.overdue.milestones", readiness, r -> overdue(r, code))
                    .description("Milestones overdue today, across the region's ICSs")
                    .tag("region", code)
                    .strongReference(true)
                    .register(registry);
        }
    }

    private static double count(Cached<NationalReadiness> readiness, String region, ToIntFunction<RatingCounts> count) {
        return readiness.get().byRegion().stream()
                .filter(r -> r.regionCode().equals(region))
                .mapToDouble(r -> count.applyAsInt(r.counts()))
                .findFirst()
                .orElse(Double.NaN);
    }

    private static double overdue(Cached<NationalReadiness> readiness, String region) {
        return readiness.get().byRegion().stream()
                .filter(r -> r.regionCode().equals(region))
                .mapToDouble(NationalReadiness.RegionCounts::overdueMilestones)
                .findFirst()
                .orElse(Double.NaN);
    }

    /** A value read at most once per interval. */
    static final class Cached<T> {
        private final Supplier<T> read;
        private final long intervalNanos;
        private T value;
        private long readAt;
        private boolean read0;

        Cached(Supplier<T> read, Duration interval) {
            this.read = read;
            this.intervalNanos = interval.toNanos();
        }

        synchronized T get() {
            long now = System.nanoTime();
            if (!read0 || now - readAt > intervalNanos) {
                value = read.get();
                readAt = now;
                read0 = true;
            }
            return value;
        }
    }
}
