package uk.nhs.ics.transition.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The measured write load: {@code clients} clients, each owning a share of the ICSs and CCGs (so no two race for the
 * same item), writing as fast as the service answers for a fixed time. The mix: 40 % new transfer items, 30 %
 * amended items, 15 % milestones flagged at risk or cleared, 10 % due diligence items raised, 5 % constitution
 * drafts. Meanwhile one more client measures projection lag: it writes, then reads with {@code X-Min-Version}
 * until the read shows its write.
 *
 * <p>With several nodes of the service on one database, client {@code i} writes through node {@code i mod n}, and the
 * probe writes through the first node and reads through the last, so the lag includes reading another node's write.
 * The conflicts the service retried ({@code ics_command_conflicts_total{retried_by="service"}}, summed over the
 * nodes' scrapes) are counted over the load.
 */
final class MixedLoad {

    /** What one run of the load measured. */
    record Outcome(
            long writes,
            long refused,
            Map<Integer, Long> refusedByStatus,
            long serverErrors,
            double seconds,
            double writesPerSecond,
            Samples.Percentiles latency,
            Samples.Percentiles transferLag,
            Samples.Percentiles milestoneLag,
            int nodes,
            Long conflictsRetried) {

        /** Conflicts the service retried per second of load, or null if the nodes' metrics could not be read. */
        Double conflictsRetriedPerSecond() {
            return conflictsRetried == null ? null : conflictsRetried / seconds;
        }
    }

    private static final Pattern CONFLICTS =
            Pattern.compile("^ics_command_conflicts_total\\{[^}]*retried_by=\"service\"[^}]*} ([0-9.eE+-]+)$");

    private final List<Http> nodes;
    private final Programme programme;

    MixedLoad(Http http, Programme programme) {
        this(List.of(http), programme);
    }

    MixedLoad(List<Http> nodes, Programme programme) {
        this.nodes = List.copyOf(nodes);
        this.programme = programme;
    }

    Outcome run(int clients, Duration duration, long seed) throws Exception {
        List<String> probeSystems = List.of(programme.systems.get(programme.systems.size() - 1));
        List<String> writeSystems = programme.systems.size() > 1
                ? programme.systems.subList(0, programme.systems.size() - 1)
                : programme.systems;
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong refused = new AtomicLong();
        AtomicLong serverErrors = new AtomicLong();
        Map<Integer, AtomicLong> byStatus = new ConcurrentSkipListMap<>();
        List<Future<Samples>> writers = new ArrayList<>();
        Long conflictsBefore = conflictsRetried();
        long started = System.nanoTime();
        try {
            for (int client = 0; client < clients; client++) {
                List<String> systems = share(writeSystems, client, clients);
                List<String> ccgs = ccgsOf(systems.isEmpty() ? writeSystems : systems);
                Random random = new Random(seed + client);
                Http node = nodes.get(client % nodes.size());
                writers.add(pool.submit(() -> write(
                        node,
                        systems.isEmpty() ? writeSystems : systems,
                        ccgs,
                        random,
                        stop,
                        refused,
                        byStatus,
                        serverErrors)));
            }
            Future<Samples[]> probe = pool.submit(() -> probe(probeSystems, new Random(seed - 1), stop));
            Thread.sleep(duration.toMillis());
            stop.set(true);
            List<Samples> latencies = new ArrayList<>();
            for (Future<Samples> writer : writers) {
                latencies.add(writer.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Samples all = Samples.merge(latencies);
            Samples[] lags = probe.get();
            Long conflictsAfter = conflictsRetried();
            return new Outcome(
                    all.size(),
                    refused.get(),
                    byStatus.entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey, e -> e.getValue().get(), Long::sum, TreeMap::new)),
                    serverErrors.get(),
                    seconds,
                    all.size() / seconds,
                    all.percentiles(),
                    lags[0].percentiles(),
                    lags[1].percentiles(),
                    nodes.size(),
                    conflictsBefore == null || conflictsAfter == null ? null : conflictsAfter - conflictsBefore);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    private Samples write(
            Http http,
            List<String> systems,
            List<String> ccgs,
            Random random,
            AtomicBoolean stop,
            AtomicLong refused,
            Map<Integer, AtomicLong> byStatus,
            AtomicLong serverErrors) {
        Samples latency = new Samples();
        while (!stop.get()) {
            long start = System.nanoTime();
            Http.Answer answer = one(http, systems, ccgs, random);
            long took = System.nanoTime() - start;
            if (answer.ok()) {
                latency.add(took);
            } else {
                refused.incrementAndGet();
                byStatus.computeIfAbsent(answer.status(), status -> new AtomicLong())
                        .incrementAndGet();
                if (answer.status() >= 500) {
                    serverErrors.incrementAndGet();
                }
            }
        }
        return latency;
    }

    /** The conflicts every node's service has retried so far, from their Prometheus scrapes; null if unreadable. */
    private Long conflictsRetried() {
        long total = 0;
        for (Http node : nodes) {
            Http.Answer scrape = node.get(programme.auditorToken, "/actuator/prometheus");
            if (!scrape.ok()) {
                return null;
            }
            for (String line : scrape.body().split("\n")) {
                Matcher matcher = CONFLICTS.matcher(line);
                if (matcher.matches()) {
                    total += (long) Double.parseDouble(matcher.group(1));
                }
            }
        }
        return total;
    }

    private Http.Answer one(Http http, List<String> systems, List<String> ccgs, Random random) {
        int roll = random.nextInt(100);
        String ics = systems.get(random.nextInt(systems.size()));
        if (roll < 40 || ccgs.isEmpty() && roll < 70) {
            return ccgs.isEmpty()
                    ? programme.toggleRisk(http, ics, random)
                    : programme.addItem(http, ccgs.get(random.nextInt(ccgs.size())), random);
        }
        if (roll < 70) {
            return programme.amendItem(http, ccgs.get(random.nextInt(ccgs.size())), random);
        }
        if (roll < 85) {
            return programme.toggleRisk(http, ics, random);
        }
        if (roll < 95) {
            return programme.raiseDueDiligenceItem(http, ics, random);
        }
        return programme.recordDraft(http, ics, random);
    }

    /** Write, then read until the read shows it: the lag a client sees before it can read its own write. */
    private Samples[] probe(List<String> systems, Random random, AtomicBoolean stop) throws InterruptedException {
        Http http = nodes.get(0);
        Http reader = nodes.get(nodes.size() - 1);
        Samples transfers = new Samples();
        Samples milestones = new Samples();
        List<String> ccgs = ccgsOf(systems);
        boolean transfer = true;
        while (!stop.get()) {
            String ics = systems.get(0);
            Http.Answer written;
            String read;
            if (transfer && !ccgs.isEmpty()) {
                String ccg = ccgs.get(random.nextInt(ccgs.size()));
                written = programme.addItem(http, ccg, random);
                read = "/api/v1/ccgs/" + ccg + "/transfer?size=1";
            } else {
                written = programme.toggleRisk(http, ics, random);
                read = "/api/v1/systems/" + ics + "/milestones?size=1";
            }
            long answered = System.nanoTime();
            if (written.ok()) {
                long version = written.version();
                while (true) {
                    Http.Answer shown =
                            reader.get(programme.auditorToken, read, Map.of("X-Min-Version", Long.toString(version)));
                    if (shown.ok() && shown.etagVersion() != null && shown.etagVersion() >= version) {
                        break;
                    }
                    if (stop.get() && System.nanoTime() - answered > 30_000_000_000L) {
                        break;
                    }
                }
                (transfer && !ccgs.isEmpty() ? transfers : milestones).add(System.nanoTime() - answered);
            }
            transfer = !transfer;
            Thread.sleep(20);
        }
        return new Samples[] {transfers, milestones};
    }

    private List<String> ccgsOf(List<String> systems) {
        List<String> ccgs = new ArrayList<>();
        systems.forEach(ics -> ccgs.addAll(programme.ccgsBySystem.get(ics)));
        return ccgs;
    }

    private static List<String> share(List<String> all, int client, int clients) {
        List<String> mine = new ArrayList<>();
        for (int i = client; i < all.size(); i += clients) {
            mine.add(all.get(i));
        }
        return mine;
    }
}
