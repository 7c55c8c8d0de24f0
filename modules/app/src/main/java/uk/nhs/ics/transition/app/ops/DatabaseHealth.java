package uk.nhs.ics.transition.app.ops;

import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import uk.nhs.ics.transition.app.database.EmbeddedPostgresSupervisor;
import uk.nhs.ics.transition.web.problem.DatabaseAvailability;
import uk.nhs.ics.transition.web.problem.DatabaseOutages;

/**
 * Up when the event store answers: reading its head position touches the event table, over the check's own connection
 * ({@link DatabaseProbe}), so requests that keep every pooled connection busy are not mistaken for an outage. On the embedded default it also says how the embedded server is (running or being restarted, disk
 * space left). The one health check readiness needs besides the application's own state; polled by {@link
 * PolledHealth}, and what tells requests that the database is known to be out ({@link DatabaseAvailability}).
 */
public class DatabaseHealth implements DatabaseAvailability {

    private final DatabaseProbe probe;
    private final Optional<EmbeddedPostgresSupervisor> embedded;
    private volatile DatabaseOutages.Kind lastOutage;

    public DatabaseHealth(DatabaseProbe probe, Optional<EmbeddedPostgresSupervisor> embedded) {
        this.probe = probe;
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
            health.up().withDetail("headPosition", probe.headPosition());
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
