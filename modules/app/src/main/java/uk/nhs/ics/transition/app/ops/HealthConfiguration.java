package uk.nhs.ics.transition.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.nhs.ics.transition.app.database.EmbeddedPostgresSupervisor;

/**
 * The service's own health checks, each polled on its own thread with its own timeout ({@link PolledHealth}):
 * {@code database} (in readiness) and {@code processors} (in its own group, {@code projections}). The audit ledger's is polled likewise
 * ({@code AuditConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    /** The database check's own connection, apart from the requests' pool. */
    @Bean(destroyMethod = "close")
    DatabaseProbe databaseProbe(
            DataSource dataSource, EventSchema eventSchema, @Value("${ics.health.timeout:2s}") Duration timeout) {
        return DatabaseProbe.beside(dataSource, eventSchema, timeout);
    }

    /** The database's check; also what tells requests that the database is known to be out (503 at once). */
    @Bean
    DatabaseHealth databaseAvailability(DatabaseProbe probe, ObjectProvider<EmbeddedPostgresSupervisor> embedded) {
        return new DatabaseHealth(probe, Optional.ofNullable(embedded.getIfAvailable()));
    }

    @Bean("database")
    PolledHealth databaseHealth(
            DatabaseHealth database,
            @Value("${ics.health.interval:1s}") Duration interval,
            @Value("${ics.health.timeout:2s}") Duration timeout) {
        return new PolledHealth("database", database::check, interval, timeout);
    }

    /** {@code ics_database_up}: 1 while the database's latest check passed, for the alert that pages someone. */
    @Bean
    MeterBinder databaseUp(@Qualifier("database") PolledHealth database) {
        return registry -> Gauge.builder(
                        "ics.database.up",
                        database,
                        h -> Status.UP.equals(h.health().getStatus()) ? 1 : 0)
                .description("Whether this node's latest check of its database passed (1) or not (0)")
                .register(registry);
    }

    @Bean("processors")
    PolledHealth projectionsHealth(
            EventProcessingConfiguration processing,
            ProjectionAdministration administration,
            @Value("${ics.health.interval:1s}") Duration interval,
            @Value("${ics.health.timeout:2s}") Duration timeout) {
        return new PolledHealth(
                "processors", new ProjectionsHealthIndicator(processing, administration), interval, timeout);
    }
}
