package uk.nhs.ics.transition.app.ops;

import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import uk.nhs.ics.transition.app.database.EmbeddedPostgresSupervisor;
import uk.nhs.ics.transition.web.problem.DatabaseAvailability;
import uk.nhs.ics.transition.web.problem.DatabaseOutages;

/**
 * Up when the event store answers: reading its head position touches the event table, through the service's own
 * connection pool. On the embedded default it also says how the embedded server is (running or being restarted, disk
 * space left). The one health check readiness needs besides the application's own state; polled by {@link
 * PolledHealth}, and what tells requests that the database is known to be out ({@link DatabaseAvailability}).
 */
public class DatabaseHealth implements DatabaseAvailability {

    private final EventStore eventStore;
    private final Optional<EmbeddedPostgresSupervisor> embedded;
    private volatile DatabaseOutages.Kind lastOutage;

    public DatabaseHealth(EventStore eventStore, Optional<EmbeddedPostgresSupervisor> embedded) {
        this.eventStore = eventStore;
        this.embedded = embedded;
    }

    /** The outage the last check met, or the embedded server's restart; null while the database answers. */
    @Override
    public DatabaseOutages.Kind knownOutage() {
        if (embedded.isPresent() && embedded.get().isDown()) {
            return embedded.get().diskFull() ? DatabaseOutages.Kind.DISK_FULL : DatabaseOutages.Kind.UNAVAILABLE;
        }
        return lastOutage;
    }

    /** One check (run by {@link PolledHealth}; not a health contributor of its own). */
    public Health check() {
        Health.Builder health = new Health.Builder();
        try {
            TrackingToken head = eventStore.createHeadToken();
            long position = head == null ? 0 : head.position().orElse(0);
            health.up().withDetail("headPosition", position);
            lastOutage = null;
        } catch (RuntimeException e) {
            DatabaseOutages.Kind outage = DatabaseOutages.kind(e).orElse(null);
            lastOutage = outage;
            health.down().withDetail("error", e.getClass().getSimpleName());
            if (outage != null) {
                health.withDetail(
                        "outage",
                        outage == DatabaseOutages.Kind.DISK_FULL
                                ? "the database has no disk space left"
                                : "the database cannot be reached or does not answer");
            }
        }
        embedded.ifPresent(supervisor -> {
            health.withDetails(supervisor.details());
            if (supervisor.isDown()) {
                health.down();
            }
        });
        return health.build();
    }
}
