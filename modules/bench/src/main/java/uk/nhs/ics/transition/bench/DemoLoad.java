package uk.nhs.ics.transition.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo as a newcomer meets it: the service's jar started with {@code ICS_DEMO=2021-22} on a fresh data folder,
 * timed from launch until its readiness probe answers, which it does only once the demo is loaded (ADR 0016); then
 * until its read models have caught up with what the demo stored, which is when every view shows the whole history.
 */
final class DemoLoad {

    /** The demo the README suggests for a first look. */
    static final String DEMO = "2021-22";

    /**
     * What the demo's load measured.
     *
     * @param until the last day of the history loaded; null for the whole programme
     * @param readySeconds from {@code java -jar} until the readiness probe answered 200, the demo loaded
     * @param events the events in the store when ready (the reference data's registration included)
     * @param eventsPerSecond those events over those seconds
     * @param caughtUpSeconds from {@code java -jar} until every read model had caught up with the store
     * @param cpuUntilReady CPU seconds the service and its PostgreSQL had used when ready (null where not measurable)
     */
    record Outcome(
            LocalDate until,
            double readySeconds,
            long events,
            double eventsPerSecond,
            double caughtUpSeconds,
            ServiceUnderTest.Cpu cpuUntilReady) {}

    private DemoLoad() {}

    static Outcome run(Settings settings, Consumer<String> progress) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ICS_DEMO", DEMO);
        if (settings.demoUntil() != null) {
            environment.put("ICS_CLOCK_FIXED_DATE", settings.demoUntil().toString());
        }
        progress.accept("demo: starting the service with " + environment + " on a fresh data folder");
        try (ServiceUnderTest service = ServiceUnderTest.start(
                settings, settings.workDir().resolve("demo"), environment, List.of(), Duration.ofMinutes(20))) {
            double ready = service.readySeconds();
            ServiceUnderTest.Cpu cpu = service.cpu().orElse(null);
            long events = Measures.events(service.jdbcUrl());
            Http http = new Http(service.url());
            Measures.awaitCaughtUp(
                    http, http.token("bench-auditor", List.of("AUDITOR"), List.of()), Duration.ofMinutes(10));
            double caughtUp = service.secondsSinceLaunch();
            progress.accept(String.format(
                    Locale.UK,
                    "demo: ready %.1f s after launch with %d events (%.0f events/s); read models caught up at %.1f s;"
                            + " CPU until ready %s",
                    ready,
                    events,
                    events / ready,
                    caughtUp,
                    cpu));
            return new Outcome(settings.demoUntil(), ready, events, events / ready, caughtUp, cpu);
        }
    }
}
