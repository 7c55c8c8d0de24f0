package uk.nhs.ics.transition.app.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.app.config.DomainConfiguration;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.Programme;

/**
 * Loads the demo programme ({@code ICS_DEMO=2021-22}) through the command gateway, as the people of
 * {@link DemoProgramme} would have, on their days: the {@link DemoClock} walks the simulated calendar, so the events
 * carry 2021/22 instants and "not in the future" is judged on the simulated day. Every command is marked as demo data
 * in its metadata ({@link MetadataKeys#DEMO}), which the events carry on into the audit trail.
 *
 * <p>It runs in two parts around the reference data's registration: {@link #refuseAStoreInUse} first (an empty
 * store only, and the clocks set to the programme's first day, so the reference data is registered on 2021-04-01),
 * then {@link #run} loads the history. The service reports ready only afterwards, and refuses API requests until then
 * ({@link #loading()}): nothing else may write while the clocks are simulated. At the end of each simulated day it
 * waits for the relays, so a fact relayed between aggregates is known (and dated) on the day it happened.
 */
public class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final DemoClock clock;
    private final LocalDate lastDay;
    private final ReferenceData reference;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String dataDescription;
    private volatile boolean loading = true;

    public DemoLoader(
            DemoClock clock,
            LocalDate lastDay,
            ReferenceData reference,
            CommandGateway commands,
            EventStore eventStore,
            EventProcessingConfiguration processing,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            String dataDescription) {
        this.clock = clock;
        this.lastDay = lastDay;
        this.reference = reference;
        this.commands = commands;
        this.eventStore = eventStore;
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dataDescription = dataDescription;
    }

    /** Whether the demo is still loading (the API refuses requests meanwhile). */
    public boolean loading() {
        return loading;
    }

    /** The runner that goes before the reference data: see {@link DemoLoader}. */
    public ApplicationRunner refuseAStoreInUse() {
        return args -> {
            long events = jdbc.sql("SELECT count(*) FROM domain_event_entry")
                    .query(Long.class)
                    .single();
            if (events > 0) {
                loading = false;
                throw new IllegalStateException("ICS_DEMO=" + DemoProgramme.NAME + " loads the demo programme into an"
                        + " empty store only, and " + dataDescription + " already holds " + events + " events:"
                        + " start without ICS_DEMO to use what it holds, or point ICS_DATA_DIR at an empty folder for"
                        + " the demo");
            }
            clock.startDay(Programme.START);
            GenericEventMessage.clock = clock;
        };
    }

    /** Loads the history; the runner after the reference data's registration calls it. */
    public void run(ApplicationArguments args) {
        try {
            load();
        } finally {
            GenericEventMessage.clock = Clock.systemUTC();
            clock.pin(lastDay);
            loading = false;
        }
    }

    private void load() {
        List<DemoProgramme.Step> steps = DemoProgramme.steps(reference, lastDay);
        log.info(
                "Demo {}: loading {} commands of the 2021/22 programme, {} to {}",
                DemoProgramme.NAME,
                steps.size(),
                steps.get(0).day(),
                lastDay);
        long started = System.nanoTime();
        long firstEvent = head();
        int lastPercent = 0;
        int sent = 0;
        for (int from = 0; from < steps.size(); ) {
            LocalDate day = steps.get(from).day();
            int to = from;
            while (to < steps.size() && steps.get(to).day().equals(day)) {
                to++;
            }
            List<DemoProgramme.Step> ofTheDay = steps.subList(from, to);
            clock.startDay(day);
            // one transaction a day: a durable store commits (and syncs) once a day, not once a command
            transactions.executeWithoutResult(tx -> ofTheDay.forEach(step -> {
                clock.tick();
                send(step);
            }));
            awaitRelays();
            sent += ofTheDay.size();
            from = to;
            int percent = (int) (sent * 100L / steps.size());
            if (percent >= lastPercent + 10 || sent == steps.size()) {
                lastPercent = percent;
                double seconds = (System.nanoTime() - started) / 1e9;
                log.info(
                        "Demo {}: {}% (at {}), {} events, {} events/s",
                        DemoProgramme.NAME,
                        percent,
                        day,
                        head() - firstEvent,
                        Math.round((head() - firstEvent) / Math.max(seconds, 0.001)));
            }
        }
        clock.startDay(lastDay);
        awaitRelays();
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(
                "Demo {}: loaded {} commands and {} events in {} s; the business date is {}",
                DemoProgramme.NAME,
                steps.size(),
                head() - firstEvent,
                Math.round(seconds),
                lastDay);
    }

    private void send(DemoProgramme.Step step) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR, step.actor().subject());
        metadata.put(MetadataKeys.ACTOR_NAME, step.actor().name());
        metadata.put(MetadataKeys.ACTOR_ROLE, step.actor().role());
        if (step.actor().scope() != null) {
            metadata.put(MetadataKeys.ACTOR_SCOPE, step.actor().scope());
        }
        metadata.put(MetadataKeys.CORRELATION_ID, "demo-" + DemoProgramme.NAME + "-" + step.order());
        metadata.put(MetadataKeys.DEMO, DemoProgramme.NAME);
        try {
            commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(step.command()).andMetaData(metadata));
        } catch (RuntimeException refused) {
            throw new IllegalStateException(
                    "the demo's command of " + step.day() + " was refused: " + step.command() + ": "
                            + refused.getMessage(),
                    refused);
        }
    }

    /** Waits until the relays have handled every event stored so far (their own relayed facts included). */
    private void awaitRelays() {
        StreamingEventProcessor relays = processing
                .eventProcessor(DomainConfiguration.RELAYS, StreamingEventProcessor.class)
                .orElseThrow();
        LongSupplier position = () -> relays.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1))
                .min()
                .orElse(-1);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (position.getAsLong() < head() - 1 || relays.processingStatus().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relays did not catch up within a minute while loading the demo");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The next global index the store will give (one past the last event's). */
    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.isPresent() ? position.getAsLong() + 1 : 0;
    }
}
