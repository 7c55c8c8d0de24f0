package uk.nhs.ics.transition.app.ops;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database check's own connection, apart from the pool that serves requests.
 *
 * <p>A pool whose every connection is serving readers is load, not an outage. While the check borrowed from that
 * pool, a burst of readers on a busy machine made it wait for a connection: readiness went down (and a Kubernetes
 * Service stops sending the node work exactly when the others are as busy), and a wait past the pool's connection
 * timeout was classed as the database being out, so every request was refused with 503 until the next check. With a
 * connection of its own, the check sees the database and nothing else: a frozen, stopped or full database still
 * fails it within its timeout.
 *
 * <p>The probe copies the request pool's address, credentials and driver properties (so its socket and connect
 * timeouts are the same), holds at most one connection, read-only, and gives up on borrowing it within the health
 * check's timeout.
 */
public final class DatabaseProbe implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final EventSchema schema;
    private final HikariDataSource own;

    private DatabaseProbe(DataSource dataSource, EventSchema schema, HikariDataSource own) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.schema = schema;
        this.own = own;
    }

    /**
     * A probe beside the request pool. A pool that is not Hikari's (never so in this service) is used as it is, since
     * there is nothing to copy its settings from.
     */
    public static DatabaseProbe beside(DataSource requests, EventSchema schema, Duration timeout) {
        if (!(requests instanceof HikariDataSource pool)) {
            return new DatabaseProbe(requests, schema, null);
        }
        HikariDataSource probe = new HikariDataSource();
        probe.setPoolName("ics-health");
        probe.setJdbcUrl(pool.getJdbcUrl());
        probe.setUsername(pool.getUsername());
        probe.setPassword(pool.getPassword());
        if (pool.getDriverClassName() != null) {
            probe.setDriverClassName(pool.getDriverClassName());
        }
        probe.setDataSourceProperties(pool.getDataSourceProperties());
        probe.setMaximumPoolSize(1);
        probe.setMinimumIdle(0);
        probe.setReadOnly(true);
        long millis = Math.max(500, timeout.toMillis());
        probe.setConnectionTimeout(millis);
        probe.setValidationTimeout(Math.max(250, millis / 2));
        // started on the first check, so a database that is down when the service starts fails the check, not startup
        probe.setInitializationFailTimeout(-1);
        return new DatabaseProbe(probe, schema, probe);
    }

    /**
     * The event store's head position, read with the statement Axon's engine reads a head token with; fails as the
     * driver does when the database does not answer (translated to Spring's data access exceptions).
     */
    public long headPosition() {
        Long head = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (PreparedStatement statement = JdbcEventStorageEngineStatements.createHeadToken(connection, schema);
                    ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : 0L;
            }
        });
        return head == null ? 0 : head;
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }
}
