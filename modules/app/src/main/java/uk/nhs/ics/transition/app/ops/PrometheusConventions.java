package uk.nhs.ics.transition.app.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.micrometer.TagsUtil;

/**
 * The one place where the service's meters are made to follow Prometheus's conventions (checked by {@code promtool
 * check metrics} in {@code PrometheusScrapeTest}), without forking the libraries that register them:
 *
 * <ul>
 *   <li><b>Axon</b> (axon-micrometer 4.13.0) names its meters {@code <component>.<outcome>Timer} and
 *       {@code <component>.<outcome>Counter} with camelCase tags, and publishes client-side percentiles, which cannot
 *       be aggregated across nodes. Its three outcome timers become one histogram per component with an
 *       {@code outcome} label ({@code axon_command_handling_seconds}, {@code axon_event_processing_seconds},
 *       {@code axon_event_publication_seconds}); {@code allTimer} (their sum) and the counters (the histograms'
 *       {@code _count}) are dropped, and so is {@code eventProcessor.latency}, a milliseconds gauge of the last event
 *       seen that stays high after a replay ({@code ics_projection_lag_events} says how far behind a processor is).
 *       Labels are {@code payload_type} and {@code processor}; how many of them there are is bounded where the
 *       monitors are registered ({@link AxonMonitors}) and again here.
 *   <li><b>Latencies</b> are histograms with a few fixed buckets ({@link #BUCKETS}), never quantile summaries.
 *   <li><b>Base units</b>: meters in nanoseconds or milliseconds are replaced by second-based ones
 *       ({@link BaseUnitMeters}); {@code system.cpu.count} loses the {@code _count} suffix Prometheus reserves.
 *   <li><b>HELP</b>: meters registered without a description get one.
 * </ul>
 */
public final class PrometheusConventions {

    /** Payload types a command histogram may carry; the service has a few dozen commands. */
    static final int MAX_COMMAND_TYPES = 100;

    private static final Pattern AXON_METER =
            Pattern.compile("(commandBus|eventProcessor|eventStore|queryBus|queryUpdateEmitter)\\.(\\w+)");
    private static final Pattern OUTCOME_TIMER = Pattern.compile("(success|failure|ignored)Timer");

    /** What an Axon component's outcome timers are called, and what they measure. */
    private record AxonTimer(String name, String description) {}

    private static final Map<String, AxonTimer> AXON_TIMERS = Map.of(
            "commandBus",
            new AxonTimer(
                    "axon.command.handling",
                    "Commands handled, by payload type and outcome (success, failure, ignored), and how long each"
                            + " took until its events were stored"),
            "eventProcessor",
            new AxonTimer(
                    "axon.event.processing",
                    "Events handled by each event processor, by outcome, and how long each took"),
            "eventStore",
            new AxonTimer(
                    "axon.event.publication",
                    "Events published to the event store, by outcome, and how long until their unit of work"
                            + " committed"),
            "queryBus",
            new AxonTimer(
                    "axon.query.handling", "Queries handled, by payload type and outcome, and how long each took"),
            "queryUpdateEmitter",
            new AxonTimer("axon.query.update.emission", "Query updates emitted, by outcome, and how long each took"));

    /** The histogram buckets of each latency, by meter name (seconds). */
    static final Map<String, List<Duration>> BUCKETS = Map.of(
            "axon.command.handling", millis(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000),
            "axon.event.processing", millis(1, 5, 10, 25, 50, 100, 250, 500, 1000, 5000),
            "axon.event.publication", millis(5, 10, 25, 50, 100, 250, 500, 1000, 5000),
            "axon.query.handling", millis(5, 10, 25, 50, 100, 250, 500, 1000, 5000),
            "axon.query.update.emission", millis(5, 10, 25, 50, 100, 250, 500, 1000, 5000),
            "http.server.requests", millis(25, 50, 100, 250, 500, 1000, 2500, 5000, 10000),
            "hikaricp.connections.acquire", millis(1, 5, 10, 50, 100, 500, 1000, 5000, 10000));

    /** Descriptions of meters their libraries register without one (Prometheus's HELP). */
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("tomcat.sessions.active.current", "HTTP sessions active now (the pages' sign-ins)"),
            Map.entry("tomcat.sessions.active.max", "The most HTTP sessions active at once"),
            Map.entry("tomcat.sessions.alive.max", "The longest an expired HTTP session was alive"),
            Map.entry("tomcat.sessions.created", "HTTP sessions created"),
            Map.entry("tomcat.sessions.expired", "HTTP sessions expired"),
            Map.entry("tomcat.sessions.rejected", "HTTP sessions refused because too many were active"),
            Map.entry(
                    "http.server.requests",
                    "HTTP requests answered, by route, method and status, and how long each took"),
            Map.entry("http.server.requests.active", "HTTP requests being answered now, and for how long"),
            Map.entry("tasks.scheduled.execution", "Runs of the service's scheduled tasks, and how long each took"),
            Map.entry("tasks.scheduled.execution.active", "Scheduled tasks running now, and for how long"),
            Map.entry(
                    "axon.event.processor.capacity",
                    "How many of the event processor's threads were busy, on average over the last 10 minutes"));

    /** Meters replaced by second-based ones ({@link BaseUnitMeters}) or renamed for Prometheus. */
    private static final Set<String> DROPPED = Set.of("process.cpu.time", "jvm.compilation.time");

    private static final Map<String, String> RENAMED = Map.of("system.cpu.count", "system.cpus.available");

    private PrometheusConventions() {}

    /**
     * The filters, in the order they must run (names and labels first, then what each meter publishes), as one filter
     * that decides each meter's name and fate once ({@link DecidedOnce}).
     */
    public static List<MeterFilter> filters() {
        return List.of(new DecidedOnce(chain()));
    }

    /** The filters one by one, in their order. */
    static List<MeterFilter> chain() {
        return List.of(
                renameAxonMeters(),
                MeterFilter.deny(id -> DROPPED.contains(id.getName())),
                renameOthers(),
                MeterFilter.maximumAllowableTags(
                        "axon.command.handling", "payload_type", MAX_COMMAND_TYPES, MeterFilter.deny()),
                describe(),
                histograms());
    }

    /**
     * Micrometer maps a meter's id first and then asks whether to accept the mapped id: the meters kept are renamed
     * here, and whatever is left with Axon's own naming is what is dropped.
     */
    static MeterFilter renameAxonMeters() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                Matcher axon = AXON_METER.matcher(id.getName());
                if (!axon.matches()) {
                    return id;
                }
                Matcher timer = OUTCOME_TIMER.matcher(axon.group(2));
                if (timer.matches()) {
                    AxonTimer renamed = AXON_TIMERS.get(axon.group(1));
                    return new Meter.Id(
                            renamed.name(),
                            snakeCaseTags(id).and("outcome", timer.group(1)),
                            id.getBaseUnit(),
                            renamed.description(),
                            id.getType());
                }
                if ("eventProcessor".equals(axon.group(1)) && "capacity".equals(axon.group(2))) {
                    // the average number of the processor's threads busy
                    return new Meter.Id(
                            "axon.event.processor.capacity",
                            snakeCaseTags(id),
                            "threads",
                            id.getDescription(),
                            id.getType());
                }
                return id;
            }

            @Override
            public MeterFilterReply accept(Meter.Id id) {
                // allTimer (the outcomes' sum), the counters (the histograms' counts), the command bus's capacity
                // per command type and the processors' latency in milliseconds
                return AXON_METER.matcher(id.getName()).matches() ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }
        };
    }

    /** Axon's {@code payloadType} and {@code processorName} as Prometheus spells labels. */
    private static Tags snakeCaseTags(Meter.Id id) {
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            String key =
                    switch (tag.getKey()) {
                        case TagsUtil.PAYLOAD_TYPE_TAG -> "payload_type";
                        case TagsUtil.PROCESSOR_NAME_TAG -> "processor";
                        default -> snakeCase(tag.getKey());
                    };
            tags.add(Tag.of(key, tag.getValue()));
        }
        return Tags.of(tags);
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static MeterFilter renameOthers() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String renamed = RENAMED.get(id.getName());
                return renamed == null ? id : id.withName(renamed);
            }
        };
    }

    static MeterFilter describe() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = DESCRIPTIONS.get(id.getName());
                if (description == null || id.getDescription() != null) {
                    return id;
                }
                return new Meter.Id(
                        id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
            }
        };
    }

    /** Histogram buckets instead of client-side percentiles, for the latencies of {@link #BUCKETS}. */
    static MeterFilter histograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                List<Duration> buckets = BUCKETS.get(id.getName());
                if (buckets == null) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles(new double[0])
                        .percentilesHistogram(false)
                        .serviceLevelObjectives(
                                buckets.stream().mapToDouble(Duration::toNanos).toArray())
                        .build()
                        .merge(config);
            }
        };
    }

    private static List<Duration> millis(long... values) {
        List<Duration> durations = new ArrayList<>();
        for (long value : values) {
            durations.add(Duration.ofMillis(value));
        }
        return List.copyOf(durations);
    }

    /**
     * The filters as one, each meter's mapping and verdict decided once. Micrometer keeps the meters it registers and
     * finds them again without filtering, but a meter the filters deny is not kept: Axon's monitors ask for their
     * dropped meters (an outcome's sum, the counters) at every message, and each time the filters ran again, regular
     * expressions and all, a tenth of the service's CPU while the demo loaded (profiled with JFR, Micrometer 1.15,
     * axon-micrometer 4.13.0). It applies the filters exactly as Micrometer does: every mapping in turn, then the
     * first verdict that is not neutral, then every configuration in turn. Stateful filters (the cap on command
     * types) decide once per meter all the same. At most {@value #MAX_REMEMBERED} meters are remembered.
     */
    static final class DecidedOnce implements MeterFilter {

        static final int MAX_REMEMBERED = 10_000;

        private record Key(Meter.Id id, Meter.Type type) {
            static Key of(Meter.Id id) {
                return new Key(id, id.getType());
            }
        }

        private final List<MeterFilter> filters;
        private final Map<Key, Meter.Id> mapped = new ConcurrentHashMap<>();
        private final Map<Key, MeterFilterReply> verdicts = new ConcurrentHashMap<>();

        DecidedOnce(List<MeterFilter> filters) {
            this.filters = List.copyOf(filters);
        }

        @Override
        public Meter.Id map(Meter.Id id) {
            Key key = Key.of(id);
            Meter.Id known = mapped.get(key);
            if (known != null) {
                return known;
            }
            Meter.Id result = id;
            for (MeterFilter filter : filters) {
                result = filter.map(result);
            }
            remember(mapped, key, result);
            return result;
        }

        @Override
        public MeterFilterReply accept(Meter.Id id) {
            Key key = Key.of(id);
            MeterFilterReply known = verdicts.get(key);
            if (known != null) {
                return known;
            }
            MeterFilterReply verdict = MeterFilterReply.NEUTRAL;
            for (MeterFilter filter : filters) {
                MeterFilterReply reply = filter.accept(id);
                if (reply != MeterFilterReply.NEUTRAL) {
                    verdict = reply;
                    break;
                }
            }
            remember(verdicts, key, verdict);
            return verdict;
        }

        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            DistributionStatisticConfig result = config;
            for (MeterFilter filter : filters) {
                DistributionStatisticConfig configured = filter.configure(id, result);
                if (configured != null) {
                    result = configured;
                }
            }
            return result;
        }

        int remembered() {
            return mapped.size() + verdicts.size();
        }

        private static <V> void remember(Map<Key, V> decided, Key key, V value) {
            if (decided.size() < MAX_REMEMBERED) {
                decided.putIfAbsent(key, value);
            }
        }
    }
}
