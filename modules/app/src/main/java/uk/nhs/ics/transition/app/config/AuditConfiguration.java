package uk.nhs.ics.transition.app.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.app.eventstore.EventSealKeys;
import uk.nhs.ics.transition.app.ops.PolledHealth;
import uk.nhs.ics.transition.audit.history.HistoryNarrator;
import uk.nhs.ics.transition.audit.history.IcsHistory;
import uk.nhs.ics.transition.audit.ledger.AuditLedger;
import uk.nhs.ics.transition.audit.ledger.EventSeals;
import uk.nhs.ics.transition.audit.ledger.LedgerLag;
import uk.nhs.ics.transition.audit.ledger.LedgerTreeStore;
import uk.nhs.ics.transition.audit.ledger.LedgerVerifier;
import uk.nhs.ics.transition.audit.trail.AuditTrail;
import uk.nhs.ics.transition.domain.reference.ReferenceData;

/** The audit trail: the hash-chained ledger that follows the event store, and what reads it. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    /**
     * The keys events are sealed with as they are stored: {@code ics.audit.seal.key-dir} (a mounted secret), required
     * with an external database; on the embedded default a key generated into the data folder.
     */
    @Bean
    EventSeals eventSeals(
            Environment environment,
            @Value("${ics.data-dir}") Path dataDir,
            @Value("${ics.audit.seal.key-dir:}") String keyDir,
            @Value("${ics.audit.seal.current-key:}") String currentKey) {
        boolean embedded = environment.getProperty(IcsEnvironment.EMBEDDED_DATABASE, Boolean.class, false);
        if (keyDir.isBlank() && !embedded) {
            throw new IllegalStateException("No event seal key: with an external database, events are sealed with a"
                    + " key the database does not hold. Mount a folder with one (a file <key id>.key holding 32 or"
                    + " more random bytes in base64) and set ICS_EVENT_SEAL_KEY_DIR (ics.audit.seal.key-dir)");
        }
        Path folder = keyDir.isBlank() ? dataDir.resolve("event-seal-keys") : Path.of(keyDir);
        return EventSealKeys.load(folder, currentKey, keyDir.isBlank());
    }

    /** The ledger's Merkle tree, beside its hash chain: roots for digests, proofs for evidence packs. */
    @Bean
    LedgerTreeStore ledgerTreeStore(JdbcClient jdbc) {
        return new LedgerTreeStore(jdbc);
    }

    @Bean
    AuditLedger auditLedger(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batches,
            ReferenceData referenceData,
            EventSeals seals,
            LedgerTreeStore tree) {
        return new AuditLedger(jdbc, batches, referenceData, seals, tree);
    }

    /**
     * The ledger must never skip an event, or the chain would have a hole no one could explain: a failure propagates,
     * the batch rolls back and the processor retries it with back-off. It has no dead-letter queue for the same reason.
     */
    @Bean
    ConfigurerModule ledgerRetriesUntilRecorded() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(AuditLedger.NAME, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    LedgerVerifier ledgerVerifier(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            TransactionTemplate transactions,
            ReferenceData referenceData,
            EventSeals seals,
            LedgerTreeStore tree,
            @Value("${ics.audit.ledger.max-pending-events:1000}") long maxPendingEvents,
            @Value("${ics.audit.ledger.max-pending-wait:60s}") Duration maxPendingWait) {
        return new LedgerVerifier(
                jdbc,
                jdbcTemplate,
                transactions,
                referenceData,
                seals,
                tree,
                maxPendingEvents,
                maxPendingWait,
                Clock.systemUTC());
    }

    /**
     * The ledger's own health ({@code /actuator/health/ledger}, the contributor {@code auditLedger}), polled like the
     * others: down while it is further behind the event store than allowed, or has recorded events the service did
     * not write. It is not part of readiness: a ledger running behind
     * does not stop the service from serving, but it must be seen.
     */
    @Bean("auditLedgerHealthIndicator")
    HealthIndicator ledgerHealth(
            JdbcClient jdbc,
            AuditLedger ledger,
            @Value("${ics.audit.ledger.max-pending-events:1000}") long maxPendingEvents,
            @Value("${ics.audit.ledger.max-pending-wait:60s}") Duration maxPendingWait,
            @Value("${ics.health.interval:1s}") Duration interval,
            @Value("${ics.health.timeout:2s}") Duration timeout) {
        return new PolledHealth(
                "auditLedger",
                () -> {
                    LedgerLag lag = LedgerLag.measure(jdbc, Clock.systemUTC());
                    long forged = jdbc.sql("SELECT count(*) FROM audit_ledger"
                                    + " WHERE seal_verdict NOT IN ('AUTHENTIC', 'BEFORE_SEALING')")
                            .query(Long.class)
                            .single();
                    boolean behind = lag.beyond(maxPendingEvents, maxPendingWait);
                    Health.Builder health = behind || forged > 0 ? Health.down() : Health.up();
                    health.withDetail("pendingEvents", lag.pendingEvents())
                            .withDetail("oldestPendingSeconds", lag.waiting().toSeconds())
                            .withDetail("forgedEvents", forged);
                    if (behind) {
                        health.withDetail(
                                "problem",
                                "the ledger is behind the event store by more than " + maxPendingEvents + " events or "
                                        + maxPendingWait.toSeconds() + " s");
                    }
                    return health.build();
                },
                interval,
                timeout);
    }

    /**
     * {@code ics_ledger_pending_events} and {@code ics_ledger_pending_age_seconds} (how far the ledger is behind), and
     * {@code ics_ledger_forged_events_total} (events it recorded, since this process started, that the service did
     * not seal).
     */
    @Bean
    MeterBinder ledgerMetrics(JdbcClient jdbc, AuditLedger ledger) {
        return registry -> {
            LedgerLagCache lag = new LedgerLagCache(jdbc);
            Gauge.builder("ics.ledger.pending", lag, c -> c.get().pendingEvents())
                    .baseUnit("events")
                    .description("Events in the store after the newest one the audit ledger recorded")
                    .strongReference(true)
                    .register(registry);
            // a name of its own: Micrometer tells meters apart by name and tags, not unit, so a second
            // "ics.ledger.pending" in seconds was the first one again and never published
            Gauge.builder("ics.ledger.pending.age", lag, c -> c.get().waiting().toMillis() / 1000.0)
                    .baseUnit("seconds")
                    .description("How long the oldest event the audit ledger has not recorded has waited")
                    .strongReference(true)
                    .register(registry);
            FunctionCounter.builder("ics.ledger.forged.events", ledger, AuditLedger::forgedSinceStart)
                    .description("Events the audit ledger recorded that this service did not seal (since start)")
                    .register(registry);
        };
    }

    /** The ledger's lag, measured at most once a second, whatever the number of gauges and scrapes. */
    static final class LedgerLagCache {
        private final JdbcClient jdbc;
        private volatile LedgerLag lag = new LedgerLag(0, Duration.ZERO);
        private volatile long measuredAt = Long.MIN_VALUE;

        LedgerLagCache(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        LedgerLag get() {
            long now = System.nanoTime();
            if (measuredAt == Long.MIN_VALUE || now - measuredAt > 1_000_000_000L) {
                synchronized (this) {
                    if (measuredAt == Long.MIN_VALUE || now - measuredAt > 1_000_000_000L) {
                        try {
                            lag = LedgerLag.measure(jdbc, Clock.systemUTC());
                        } catch (RuntimeException databaseUnavailable) {
                            // keep the last measurement; the database's own health says it is down
                        }
                        measuredAt = System.nanoTime();
                    }
                }
            }
            return lag;
        }
    }

    @Bean
    AuditTrail auditTrail(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions) {
        return new AuditTrail(jdbc, jdbcTemplate, transactions);
    }

    @Bean
    HistoryNarrator historyNarrator() {
        return new HistoryNarrator(AxonConfiguration.messageObjectMapper());
    }

    @Bean
    IcsHistory icsHistory(AuditTrail trail, HistoryNarrator narrator) {
        return new IcsHistory(trail, narrator);
    }
}
