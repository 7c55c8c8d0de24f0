package uk.nhs.ics.transition.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures the service as its users meet it, side by side with what the same PostgreSQL does with plain inserts. Each
 * phase starts the built jar on the embedded PostgreSQL on a fresh data folder (the programme phase can drive a running
 * service instead), and {@code --phases} chooses among them:
 *
 * <ol>
 *   <li><b>demo</b>: the service started with {@code ICS_DEMO=2021-22}, timed until it is ready with the demo loaded;
 *   <li><b>register</b>: a CCG's register imported as CSV through the API, then the same register again unchanged;
 *   <li><b>programme</b>: loads a realistic programme through the API (every ICS's milestones, board and due
 *       diligence, and every CCG's transfer items); drives the mixed write load at the chosen concurrency for the
 *       chosen time, measuring throughput, latency and the lag before a write can be read; measures single-row
 *       INSERT + COMMIT into the same server at the same concurrency and row size; tops the store up to the promised
 *       size, then measures replays, as-of reads, the pages people read in a browser, the evidence pack of the ICS
 *       with the longest history, and the service's peak memory. With {@code --nodes=2} (or more) the writers are spread over that many nodes of the service on the one
 *       database, and the conflicts the nodes retried are counted;
 *   <li><b>soak</b> (only when asked for): the mixed load for {@code --soak} (30 minutes by default) on one service,
 *       window by window: writes, refusals and 5xx, latency, lag, resident memory and the store's size over time.
 * </ol>
 *
 * It writes a JSON result and, for a full run, appends a summary to {@code docs/performance.md}. Goals are reported
 * against the figures, never asserted: the machines are shared and noisy.
 */
public final class Benchmark {

    /** The read models whose replay speed is reported: readiness's own, and the largest. */
    static final List<String> REPLAYED = List.of("milestones", "transfer-schemes");

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Result result = run(settings, line -> System.out.println("[bench] " + line));
        System.out.println(Report.summary(result));
    }

    /** One run; the result is also written to {@code workDir/result-<start>.json}, and appended to the report. */
    public static Result run(Settings settings, Consumer<String> progress) throws Exception {
        Files.createDirectories(settings.workDir());
        Instant started = Instant.now();
        progress.accept("settings: " + settings);
        DemoLoad.Outcome demo = settings.measures(Settings.Phase.DEMO) ? DemoLoad.run(settings, progress) : null;
        RegisterImport.Outcome register =
                settings.measures(Settings.Phase.REGISTER) ? RegisterImport.run(settings, progress) : null;
        Result.ProgrammePhase programme =
                settings.measures(Settings.Phase.PROGRAMME) ? programme(settings, progress) : null;
        Soak.Outcome soak = settings.measures(Settings.Phase.SOAK) ? Soak.run(settings, progress) : null;
        Result result = new Result(
                settings.mode(), started, Instant.now(), Machine.describe(), settings, demo, register, programme, soak);
        Path json = settings.workDir().resolve("result-" + started.toString().replace(':', '-') + ".json");
        Http.JSON
                .copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .writeValue(json.toFile(), result);
        progress.accept("result written to " + json);
        if (settings.report() != null) {
            Report.append(settings.report(), result);
            progress.accept("summary appended to " + settings.report());
        }
        return result;
    }

    /** The programme phase, on its own service (or the running one). */
    private static Result.ProgrammePhase programme(Settings settings, Consumer<String> progress) throws Exception {
        try (ServiceUnderTest service = settings.url() == null
                ? ServiceUnderTest.start(settings)
                : ServiceUnderTest.attach(settings.url(), settings.jdbcUrl())) {
            progress.accept("service ready at " + service.url());
            Http http = new Http(service.url());
            List<ServiceUnderTest> others = new ArrayList<>();
            List<Http> nodes = new ArrayList<>(List.of(http));
            try {
                for (int node = 2; node <= settings.nodes(); node++) {
                    ServiceUnderTest other = ServiceUnderTest.startAnotherNode(
                            settings, service, settings.workDir().resolve("node-" + node), Duration.ofMinutes(5));
                    others.add(other);
                    nodes.add(new Http(other.url()));
                    progress.accept("node " + node + " ready at " + other.url() + ", on the same database");
                }
                return programme(settings, progress, service, http, nodes);
            } finally {
                for (ServiceUnderTest other : others) {
                    other.close();
                }
            }
        }
    }

    private static Result.ProgrammePhase programme(
            Settings settings, Consumer<String> progress, ServiceUnderTest service, Http http, List<Http> nodes)
            throws Exception {
        Programme programme = Programme.discover(http, settings.systems());
        Measures measures = new Measures(http, programme, service.jdbcUrl());

        long loadStart = System.nanoTime();
        long loadWrites = programme.load(http, settings.clients(), settings.itemsPerCcg(), progress);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        measures.awaitCaughtUp(Duration.ofMinutes(10));
        long eventsAfterLoad = measures.events();
        progress.accept("loaded " + loadWrites + " writes in " + Math.round(loadSeconds) + " s; the store has "
                + eventsAfterLoad + " events");

        progress.accept("mixed write load: " + settings.clients() + " clients over " + nodes.size() + " node(s) for "
                + settings.duration());
        MixedLoad.Outcome load =
                new MixedLoad(nodes, programme).run(settings.clients(), settings.duration(), settings.seed());
        measures.awaitCaughtUp(Duration.ofMinutes(10));
        progress.accept("raw baseline: " + settings.clients() + " connections for " + settings.duration());
        RawBaseline.Outcome raw = new RawBaseline(service.jdbcUrl()).run(settings.clients(), settings.duration());

        String hot = programme.hotSystem();
        long topUpStart = System.nanoTime();
        long topUpWrites = measures.topUp(
                hot, settings.hotIcsEvents(), settings.targetEvents(), settings.clients(), settings.seed(), progress);
        double topUpSeconds = (System.nanoTime() - topUpStart) / 1e9;
        measures.awaitCaughtUp(Duration.ofMinutes(30));
        long events = measures.events();
        long hotEvents = measures.eventsOf(hot);
        progress.accept("the store has " + events + " events; " + hot + " has " + hotEvents);

        Map<String, Measures.Replay> replays = new LinkedHashMap<>();
        for (String projection : REPLAYED) {
            Measures.Replay replay = measures.replay(projection);
            progress.accept("replayed " + projection + ": " + Math.round(replay.eventsPerSecond()) + " events/s");
            replays.put(projection, replay);
        }
        measures.awaitCaughtUp(Duration.ofMinutes(5));

        String ics = "/api/v1/systems/" + hot;
        Map<String, Samples.Percentiles> icsAsOf = measures.asOf(
                List.of(
                        ics,
                        ics + "/milestones",
                        ics + "/board",
                        ics + "/due-diligence",
                        ics + "/constitution",
                        ics + "/transfers"),
                hot,
                settings.asOfSamples(),
                settings.seed());
        Map<String, Samples.Percentiles> nationAsOf = measures.asOf(
                List.of("/api/v1/readiness"), null, Math.max(3, settings.asOfSamples() / 4), settings.seed() + 1);
        progress.accept("pages: " + settings.asOfSamples() + " requests each");
        Map<String, Samples.Percentiles> pages = measures.pages(hot, settings.asOfSamples(), settings.seed() + 2);
        // a pack of the hot ICS's whole history takes seconds to tens of seconds: ten downloads give its median
        int downloads = Math.max(3, settings.asOfSamples() / 20);
        progress.accept("evidence pack of " + hot + ": " + downloads + " downloads");
        Measures.Pack pack = null;
        try {
            pack = measures.evidencePack(hot, downloads);
            progress.accept("evidence pack of " + hot + ": " + pack.events() + " events, " + pack.bytes()
                    + " bytes, p50 " + pack.latency().p50() + " ms");
        } catch (RuntimeException failed) {
            // the run's other figures are kept; the report says the pack was not measured
            progress.accept("evidence pack of " + hot + " FAILED: " + failed);
        }

        return new Result.ProgrammePhase(
                new Result.Load(loadWrites, loadSeconds, eventsAfterLoad),
                load,
                raw,
                raw.insertsPerSecond() > 0 ? load.writesPerSecond() / raw.insertsPerSecond() : null,
                new Result.TopUp(topUpWrites, topUpSeconds),
                events,
                hot,
                hotEvents,
                replays,
                icsAsOf,
                nationAsOf.get("/api/v1/readiness"),
                pages,
                service.peakResidentBytes().isPresent()
                        ? service.peakResidentBytes().getAsLong()
                        : null,
                service.residentBytes().isPresent() ? service.residentBytes().getAsLong() : null,
                pack);
    }
}
