package uk.nhs.ics.transition.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.nhs.ics.transition.app.config.DomainConfiguration;
import uk.nhs.ics.transition.audit.ledger.AuditLedger;
import uk.nhs.ics.transition.projections.ReplaySnapshots;
import uk.nhs.ics.transition.projections.approval.ApprovalsProjection;
import uk.nhs.ics.transition.projections.board.BoardProjection;
import uk.nhs.ics.transition.projections.constitution.ConstitutionProjection;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceProjection;
import uk.nhs.ics.transition.projections.milestones.MilestonesProjection;
import uk.nhs.ics.transition.projections.programme.ProgrammeProjection;
import uk.nhs.ics.transition.projections.reference.ReferenceDataProjection;
import uk.nhs.ics.transition.projections.transfer.TransferSchemeProjection;
import uk.nhs.ics.transition.web.ops.DeadLetterView;
import uk.nhs.ics.transition.web.ops.ProjectionStatus;

/** Watching and operating the event processors: the admin endpoints' back end, and their metrics. */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class OperationsConfiguration {

    /** The read models, rebuilt from the start of history on request, each with the tables it writes. */
    public static final Map<String, List<String>> READ_MODELS = Map.of(
            ReferenceDataProjection.NAME, ReferenceDataProjection.TABLES,
            ProgrammeProjection.NAME, ProgrammeProjection.TABLES,
            MilestonesProjection.NAME, MilestonesProjection.TABLES,
            BoardProjection.NAME, BoardProjection.TABLES,
            DueDiligenceProjection.NAME, DueDiligenceProjection.TABLES,
            ConstitutionProjection.NAME, ConstitutionProjection.TABLES,
            TransferSchemeProjection.NAME, TransferSchemeProjection.TABLES,
            ApprovalsProjection.NAME, ApprovalsProjection.TABLES);

    @Bean
    ProjectionReplays projectionReplays(JdbcClient jdbc) {
        return new ProjectionReplays(jdbc);
    }

    @Bean
    ProjectionAdministration projectionAdministration(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            TransactionTemplate transactions,
            ReplaySnapshots snapshots,
            ProjectionReplays replays,
            Serializer serializer,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
            @Qualifier("projectionReplayThread") ExecutorService replayThread) {
        return new ProjectionAdministration(
                processing,
                eventStore,
                transactions,
                snapshots,
                replays,
                new ReplayTokens(replays, serializer),
                claimTimeout,
                READ_MODELS,
                Set.of(DomainConfiguration.RELAYS),
                Set.of(AuditLedger.NAME),
                replayThread);
    }

    /**
     * The thread a replay just requested is begun on (the watch every second carries on any it did not); Spring stops
     * it when the application stops.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService projectionReplayThread() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "projection-replay");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Scheduled work that must run on one node at a time (the replay watch, the idempotency keys' expiry) takes a
     * lock in the database first, timed by the database's clock.
     */
    @Bean
    LockProvider scheduledLocks(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    /**
     * Every read model's dead letters count their failed attempts (the first failure, then each failed retry), so an
     * operator can tell a letter that will never succeed by itself from one a retry may fix.
     */
    @Bean
    ConfigurerModule deadLettersCountTheirAttempts() {
        return configurer -> READ_MODELS.keySet().forEach(group -> configurer
                .eventProcessing()
                .registerDeadLetterPolicy(group, c -> OperationsConfiguration::countAttempt));
    }

    static EnqueueDecision<EventMessage<?>> countAttempt(
            DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        Object previous = letter.diagnostics().get(DeadLetterView.FAILED_ATTEMPTS);
        int attempts = previous instanceof Number number ? number.intValue() + 1 : 1;
        return Decisions.requeue(cause, failed -> failed.diagnostics().and(DeadLetterView.FAILED_ATTEMPTS, attempts));
    }

    /** Who asked for each administrative action, and in answer to which request, in the log. */
    @Bean
    WebMvcConfigurer administrativeActionsLogged() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AdministrativeActions()).addPathPatterns(AdministrativeActions.PATHS);
            }
        };
    }

    /** The current trace's id on every command sent while serving a request, and so on every event it causes. */
    @Bean
    TraceIdOnCommands traceIdOnCommands(ObjectProvider<Tracer> tracer) {
        return new TraceIdOnCommands(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /** Hands each read model's reads back to its rebuilt tables as soon as its replay has caught up. */
    @Bean
    ReplayWatch replayWatch(ProjectionAdministration administration) {
        return new ReplayWatch(administration);
    }

    /**
     * Every second, on every node: carries requested replays forward (each node stops and restarts its own
     * processors); and, on one node at a time, checks whether a replay has caught up.
     */
    static class ReplayWatch {
        private final ProjectionAdministration administration;

        ReplayWatch(ProjectionAdministration administration) {
            this.administration = administration;
        }

        @Scheduled(fixedDelayString = "${ics.replay.watch-interval:1s}", initialDelayString = "1s")
        public void coordinate() {
            administration.coordinate();
        }

        @Scheduled(fixedDelayString = "${ics.replay.watch-interval:1s}", initialDelayString = "5s")
        @SchedulerLock(name = "replay-watch", lockAtMostFor = "PT1M")
        public void releaseCaughtUp() {
            administration.releaseCaughtUpSnapshots();
        }
    }

    /**
     * Per processor: {@code ics.projection.position}, {@code ics.projection.lag} (events behind the head of the
     * store), {@code ics.projection.replaying} (1 or 0), {@code ics.projection.replay.progress} (percent),
     * {@code ics.projection.dead.letters} and {@code ics.projection.error} (1 or 0). One scrape reads the processors'
     * state once, not once per gauge.
     */
    @Bean
    MeterBinder projectionMetrics(ProjectionAdministration administration) {
        Set<String> processors = new java.util.TreeSet<>(READ_MODELS.keySet());
        processors.add(DomainConfiguration.RELAYS);
        processors.add(AuditLedger.NAME);
        return registry -> {
            StatusCache statuses = new StatusCache(administration, Duration.ofSeconds(1));
            for (String name : processors) {
                gauge(
                        registry,
                        "ics.projection.position",
                        "events",
                        name,
                        statuses,
                        ProjectionStatus::position,
                        "The lowest position any of the processor's segments has reached");
                gauge(
                        registry,
                        "ics.projection.lag",
                        "events",
                        name,
                        statuses,
                        ProjectionStatus::lag,
                        "How many events the processor is behind the head of the event store");
                gauge(
                        registry,
                        "ics.projection.replaying",
                        null,
                        name,
                        statuses,
                        s -> s.replaying() ? 1 : 0,
                        "1 while the processor is replaying history, else 0");
                gauge(
                        registry,
                        "ics.projection.replay.progress",
                        "percent",
                        name,
                        statuses,
                        ProjectionStatus::progressPercent,
                        "How far through its replay (or catch-up) it is");
                gauge(
                        registry,
                        "ics.projection.dead.letters",
                        "events",
                        name,
                        statuses,
                        ProjectionStatus::deadLetters,
                        "Events the processor set aside because it could not handle them (its dead letters)");
                gauge(
                        registry,
                        "ics.projection.error",
                        null,
                        name,
                        statuses,
                        s -> s.error() ? 1 : 0,
                        "1 while the processor (or one of its segments) is in error and retrying, else 0");
            }
        };
    }

    private static void gauge(
            io.micrometer.core.instrument.MeterRegistry registry,
            String metric,
            String unit,
            String processor,
            StatusCache statuses,
            ToDoubleFunction<ProjectionStatus> value,
            String description) {
        Gauge.builder(metric, statuses, cache -> {
                    ProjectionStatus status = cache.get().get(processor);
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
                .tag("processor", processor)
                // the cache is referenced by nothing else: a weakly held one would be collected and read as NaN
                .strongReference(true)
                .baseUnit(unit)
                .description(description)
                .register(registry);
    }

    /** The processors' statuses, read at most once per interval. */
    static final class StatusCache {
        private final ProjectionAdministration administration;
        private final long intervalNanos;
        private volatile Map<String, ProjectionStatus> statuses = Map.of();
        private volatile long readAt = Long.MIN_VALUE;

        StatusCache(ProjectionAdministration administration, Duration interval) {
            this.administration = administration;
            this.intervalNanos = interval.toNanos();
        }

        Map<String, ProjectionStatus> get() {
            long now = System.nanoTime();
            if (readAt == Long.MIN_VALUE || now - readAt > intervalNanos) {
                synchronized (this) {
                    if (readAt == Long.MIN_VALUE || now - readAt > intervalNanos) {
                        statuses = administration.statuses().stream()
                                .collect(Collectors.toUnmodifiableMap(ProjectionStatus::name, s -> s));
                        readAt = System.nanoTime();
                    }
                }
            }
            return statuses;
        }
    }
}
