package uk.nhs.ics.transition.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The measurements besides the write load: store size, topping the store up, replays and as-of reads. */
final class Measures {

    private static final LocalDate PROGRAMME_START = LocalDate.of(2021, 4, 1);

    /** From the start of the programme to the establishment date of the December 2021 re-baseline. */
    private static final int PROGRAMME_DAYS = 456;

    private final Http http;
    private final Programme programme;
    private final String jdbcUrl;

    Measures(Http http, Programme programme, String jdbcUrl) {
        this.http = http;
        this.programme = programme;
        this.jdbcUrl = jdbcUrl;
    }

    // ---------------------------------------------------------------- the store

    long events() throws SQLException {
        return events(jdbcUrl);
    }

    /** The events in the store of the service whose PostgreSQL this is. */
    static long events(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM domain_event_entry");
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The events of one ICS and of its CCGs. */
    long eventsOf(String ics) throws SQLException {
        List<String> aggregates = new ArrayList<>(programme.ccgsBySystem.get(ics));
        aggregates.add(ics);
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY(?)")) {
            Array codes = connection.createArrayOf("varchar", aggregates.toArray());
            count.setArray(1, codes);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The first and last moments of the stored history: all of it, or (given an aggregate) from its first event. */
    Instant[] history(String since) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement query = connection.prepareStatement("""
                        SELECT (SELECT min(time_stamp) FROM domain_event_entry
                                 WHERE ? IS NULL OR aggregate_identifier = ?),
                               max(time_stamp)
                          FROM domain_event_entry""")) {
            query.setString(1, since);
            query.setString(2, since);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return new Instant[] {Instant.parse(result.getString(1)), Instant.parse(result.getString(2))};
            }
        }
    }

    // ---------------------------------------------------------------- topping up

    /**
     * Amends the hot ICS's transfer items until it has {@code hotEvents} events, then adds and amends items across
     * every CCG until the store holds {@code targetEvents}. Not a measurement: it makes the store the size the
     * measurements after it are promised on.
     *
     * @return the writes it made
     */
    long topUp(String hot, long hotEvents, long targetEvents, int clients, long seed, Consumer<String> progress)
            throws Exception {
        long writes = 0;
        List<String> hotCcgs = programme.ccgsBySystem.get(hot);
        if (!hotCcgs.isEmpty() && eventsOf(hot) < hotEvents) {
            writes += untilEnough(
                    clients,
                    seed,
                    client -> random -> {
                        String ccg = hotCcgs.get(random.nextInt(hotCcgs.size()));
                        return random.nextInt(4) == 0
                                ? programme.addItem(http, ccg, random)
                                : programme.amendItem(http, ccg, random);
                    },
                    () -> eventsOf(hot) >= hotEvents,
                    progress,
                    () -> hot + " has " + eventsOf(hot) + " events");
        }
        if (events() < targetEvents) {
            writes += untilEnough(
                    clients,
                    seed + 100,
                    client -> {
                        List<String> mine = new ArrayList<>();
                        for (int i = client; i < programme.ccgs.size(); i += clients) {
                            mine.add(programme.ccgs.get(i));
                        }
                        List<String> ccgs = mine.isEmpty() ? programme.ccgs : mine;
                        return random -> {
                            String ccg = ccgs.get(random.nextInt(ccgs.size()));
                            return random.nextInt(10) < 7
                                    ? programme.addItem(http, ccg, random)
                                    : programme.amendItem(http, ccg, random);
                        };
                    },
                    () -> events() >= targetEvents,
                    progress,
                    () -> "the store has " + events() + " events");
        }
        return writes;
    }

    interface Check {
        boolean done() throws SQLException;
    }

    interface Describe {
        String now() throws SQLException;
    }

    interface ClientWrites {
        java.util.function.Function<Random, Http.Answer> forClient(int client);
    }

    private long untilEnough(
            int clients, long seed, ClientWrites writes, Check enough, Consumer<String> progress, Describe describe)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> workers = new ArrayList<>();
        try {
            for (int client = 0; client < clients; client++) {
                var write = writes.forClient(client);
                Random random = new Random(seed + client);
                workers.add(pool.submit(() -> {
                    long made = 0;
                    while (!stop.get()) {
                        if (write.apply(random).ok()) {
                            made++;
                        }
                    }
                    return made;
                }));
            }
            long lastReport = System.nanoTime();
            while (!enough.done()) {
                Thread.sleep(2_000);
                if (System.nanoTime() - lastReport > 30_000_000_000L) {
                    progress.accept(describe.now());
                    lastReport = System.nanoTime();
                }
            }
            stop.set(true);
            long total = 0;
            for (Future<Long> worker : workers) {
                total += worker.get();
            }
            return total;
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- replays

    /** A replay of one read model over the whole store. */
    record Replay(String projection, long events, double seconds, double eventsPerSecond) {}

    Replay replay(String projection) throws InterruptedException {
        long head = -1;
        long started = System.nanoTime();
        Http.Answer asked = http.expectOk(
                http.post(programme.nationalToken, "/api/v1/admin/projections/" + projection + "/replay", null),
                "replaying " + projection);
        if (asked.body().contains("\"approvalId\"")) {
            // four eyes (the service's default): a second person of the national team approves the replay
            http.expectOk(
                    http.post(
                            programme.checkerToken,
                            "/api/v1/approvals/"
                                    + asked.json().get("approvalId").asText() + "/approve",
                            null),
                    "approving the replay of " + projection);
        }
        while (true) {
            JsonNode status = http.expectOk(
                            http.get(programme.auditorToken, "/api/v1/admin/projections/" + projection),
                            "the status of " + projection)
                    .json();
            head = Math.max(head, status.get("head").asLong());
            if (!status.get("replaying").asBoolean()
                    && status.get("progressPercent").asDouble() >= 100.0) {
                break;
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Replay(projection, head, seconds, head / seconds);
    }

    /** Waits until every processor has caught up with the store (a fair start for what follows). */
    void awaitCaughtUp(Duration patience) throws InterruptedException {
        awaitCaughtUp(http, programme.auditorToken, patience);
    }

    /** Waits until every processor of the service has caught up with its store, asking as this auditor. */
    static void awaitCaughtUp(Http http, String auditorToken, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            boolean caughtUp = true;
            for (JsonNode processor : http.expectOk(
                            http.get(auditorToken, "/api/v1/admin/projections"), "the projections")
                    .json()) {
                caughtUp &= processor.get("lag").asLong() == 0
                        && !processor.get("replaying").asBoolean();
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the projections did not catch up within " + patience);
    }

    // ---------------------------------------------------------------- evidence packs

    /**
     * The evidence pack of an ICS's whole history ({@code quarter=ALL}), downloaded whole, one at a time, as an auditor.
     *
     * @param ics the ICS
     * @param events how many events its pack held
     * @param bytes the zip's size
     * @param latency until the last byte arrived
     */
    record Pack(String ics, long events, long bytes, Samples.Percentiles latency) {}

    Pack evidencePack(String ics, int samples) {
        String path = "/api/v1/systems/" + ics + "/evidence-pack?quarter=ALL";
        Samples latency = new Samples();
        long events = -1;
        long bytes = 0;
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            Http.Download pack = http.download(programme.auditorToken, path);
            latency.add(System.nanoTime() - start);
            if (pack.status() != 200) {
                throw new IllegalStateException("the evidence pack of " + ics + " answered " + pack.status() + ": "
                        + new String(pack.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            bytes = pack.body().length;
            events = eventsIn(pack.body());
        }
        return new Pack(ics, events, bytes, latency.percentiles());
    }

    /** How many events a pack's manifest says it holds. */
    private static long eventsIn(byte[] zip) {
        try (java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals("manifest.json")) {
                    return Http.JSON.readTree(in.readAllBytes()).get("events").asLong();
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the evidence pack is not a zip", e);
        }
        throw new IllegalStateException("the evidence pack has no manifest");
    }

    // ---------------------------------------------------------------- as-of reads

    // ---------------------------------------------------------------- pages

    /**
     * Fetches each page of the service as a browser would (HTML), with the auditor's token, one request at a time:
     * the national overview, the hot ICS's region, the hot ICS, its first CCG and the audit trail. Every other sample
     * is rated at a random date of the programme ({@code ?at=}), the others today. One unmeasured request per page
     * first, so that the templates are compiled before the clock runs.
     *
     * @return per page, the latencies; and under "all" every request together
     */
    Map<String, Samples.Percentiles> pages(String hot, int samples, long seed) {
        String region = http.expectOk(http.get(programme.auditorToken, "/api/v1/systems/" + hot), "the hot ICS")
                .json()
                .path("identity")
                .path("regionCode")
                .asText();
        List<String> paths = new ArrayList<>(List.of("/", "/regions/" + region, "/systems/" + hot));
        if (!programme.ccgsBySystem.get(hot).isEmpty()) {
            paths.add("/ccgs/" + programme.ccgsBySystem.get(hot).get(0));
        }
        paths.add("/audit");
        Map<String, String> html = Map.of("Accept", "text/html");
        Random random = new Random(seed);
        Map<String, Samples.Percentiles> outcome = new LinkedHashMap<>();
        List<Samples> every = new ArrayList<>();
        for (String path : paths) {
            http.expectOk(http.get(programme.auditorToken, path, html), "GET " + path);
            Samples latency = new Samples();
            for (int i = 0; i < samples; i++) {
                String url =
                        i % 2 == 0 ? path : path + "?at=" + PROGRAMME_START.plusDays(random.nextInt(PROGRAMME_DAYS));
                long start = System.nanoTime();
                http.expectOk(http.get(programme.auditorToken, url, html), "GET " + url);
                latency.add(System.nanoTime() - start);
            }
            outcome.put(path, latency.percentiles());
            every.add(latency);
        }
        outcome.put("all", Samples.merge(every).percentiles());
        return outcome;
    }

    // ---------------------------------------------------------------- as-of reads

    /**
     * Reads each path as of random instants of the stored history (since the aggregate {@code since} began, if
     * given: before then it did not exist), one at a time.
     *
     * @return per path, the latencies; and under "all" every read together
     */
    Map<String, Samples.Percentiles> asOf(List<String> paths, String since, int samples, long seed)
            throws SQLException {
        Instant[] history = history(since);
        long span = Math.max(1, Duration.between(history[0], history[1]).toMillis());
        Random random = new Random(seed);
        Map<String, Samples.Percentiles> outcome = new LinkedHashMap<>();
        List<Samples> every = new ArrayList<>();
        for (String path : paths) {
            Samples latency = new Samples();
            for (int i = 0; i < samples; i++) {
                Instant at = history[0].plusMillis((long) (random.nextDouble() * span));
                String url = path + (path.contains("?") ? "&" : "?") + "asOf=" + at;
                long start = System.nanoTime();
                http.expectOk(http.get(programme.auditorToken, url), "GET " + url);
                latency.add(System.nanoTime() - start);
            }
            outcome.put(path, latency.percentiles());
            every.add(latency);
        }
        outcome.put("all", Samples.merge(every).percentiles());
        return outcome;
    }
}
