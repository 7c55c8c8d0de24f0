package uk.nhs.ics.transition.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The soak: the mixed write load of the programme phase kept running for a long time on one service, measured window by
 * window, so that what only time shows (memory that grows, lag that creeps up, errors that begin after a while) shows.
 * A window is a minute, or half the soak when it is shorter (the smoke run's).
 */
final class Soak {

    /**
     * One window of the soak.
     *
     * @param endedAfterSeconds seconds from the start of the load to the end of this window
     * @param residentBytes the service's resident memory at the end of the window, or null where it cannot be read
     */
    record Window(
            int index,
            double endedAfterSeconds,
            double writesPerSecond,
            long refused,
            long serverErrors,
            Double latencyP99,
            Double transferLagP99,
            Double milestoneLagP99,
            Long residentBytes,
            long events) {}

    /** The soak's windows, and its totals. */
    record Outcome(
            Duration soak, Duration window, List<Window> windows, long writes, long refused, long serverErrors) {}

    private Soak() {}

    static Duration window(Duration soak) {
        return Duration.ofSeconds(Math.max(1, Math.min(60, soak.toSeconds() / 2)));
    }

    static Outcome run(Settings settings, Consumer<String> progress) throws Exception {
        Path folder = settings.workDir().resolve("soak");
        try (ServiceUnderTest service = ServiceUnderTest.start(
                settings,
                folder,
                Map.of(),
                List.of("--ics.clock.fixed-date=" + ServiceUnderTest.BUSINESS_DATE),
                Duration.ofMinutes(5))) {
            Http http = new Http(service.url());
            Programme programme = Programme.discover(http, settings.systems());
            Measures measures = new Measures(http, programme, service.jdbcUrl());
            // a modest programme: the soak is about time, not size
            programme.load(http, settings.clients(), Math.min(settings.itemsPerCcg(), 20), progress);
            measures.awaitCaughtUp(Duration.ofMinutes(10));

            Duration window = window(settings.soak());
            long windows = Math.max(1, settings.soak().toSeconds() / window.toSeconds());
            progress.accept("soak: " + settings.clients() + " clients for " + settings.soak() + ", " + windows
                    + " windows of " + window);
            MixedLoad load = new MixedLoad(http, programme);
            List<Window> measured = new ArrayList<>();
            long started = System.nanoTime();
            long writes = 0;
            long refused = 0;
            long serverErrors = 0;
            for (int i = 0; i < windows; i++) {
                MixedLoad.Outcome outcome = load.run(settings.clients(), window, settings.seed() + i);
                Window one = new Window(
                        i + 1,
                        (System.nanoTime() - started) / 1e9,
                        outcome.writesPerSecond(),
                        outcome.refused(),
                        outcome.serverErrors(),
                        outcome.latency().p99(),
                        outcome.transferLag().p99(),
                        outcome.milestoneLag().p99(),
                        service.residentBytes().isPresent()
                                ? service.residentBytes().getAsLong()
                                : null,
                        measures.events());
                measured.add(one);
                writes += outcome.writes();
                refused += outcome.refused();
                serverErrors += outcome.serverErrors();
                progress.accept("soak window " + one.index() + ": " + Math.round(one.writesPerSecond())
                        + " writes/s, " + one.refused() + " refused (" + one.serverErrors() + " 5xx), lag p99 "
                        + one.transferLagP99() + " ms, RSS "
                        + (one.residentBytes() == null ? "n/a" : one.residentBytes() / (1024 * 1024) + " MiB"));
            }
            return new Outcome(settings.soak(), window, measured, writes, refused, serverErrors);
        }
    }
}
