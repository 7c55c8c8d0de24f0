package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import uk.nhs.ics.transition.app.database.EmbeddedPostgresServer;
import uk.nhs.ics.transition.app.eventstore.StoreSchema;
import uk.nhs.ics.transition.app.support.MigratedDatabase;
import uk.nhs.ics.transition.web.problem.DatabaseOutages;

/**
 * The database check on a real PostgreSQL with this service's migrations: requests holding every pooled connection are
 * load, and the check still answers up at once (it has a connection of its own); a database that is gone fails it
 * within its timeout and is reported to requests as an outage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseHealthTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path dataDir;

    private EmbeddedPostgresServer server;
    private HikariDataSource requests;
    private DatabaseProbe probe;
    private DatabaseHealth health;

    @BeforeAll
    void start() {
        server = MigratedDatabase.start(dataDir.resolve("postgres"));
        // as the service's pool is set up: a request waits up to its connection timeout for a connection
        requests = new HikariDataSource();
        requests.setPoolName("requests");
        requests.setJdbcUrl(server.jdbcUrl());
        requests.setUsername(server.username());
        requests.setPassword(server.password());
        requests.setMaximumPoolSize(3);
        requests.setConnectionTimeout(10_000);
        requests.addDataSourceProperty("connectTimeout", "3");
        requests.addDataSourceProperty("socketTimeout", "10");
        probe = DatabaseProbe.beside(requests, StoreSchema.events(), TIMEOUT);
        health = new DatabaseHealth(probe, Optional.empty());
    }

    @AfterAll
    void stop() {
        probe.close();
        requests.close();
        server.close();
    }

    @Test
    @Order(1)
    void requests_holding_every_pooled_connection_are_load_and_the_check_still_answers_up_at_once() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < requests.getMaximumPoolSize(); i++) {
                held.add(requests.getConnection());
            }
            assertThat(requests.getHikariPoolMXBean().getIdleConnections()).isZero();

            // through the requests' pool this waited ten seconds for a connection, then said the database was out
            Health answer = health.check();

            assertThat(answer.getStatus()).as("%s", answer).isEqualTo(Status.UP);
            assertThat(answer.getDetails()).containsEntry("headPosition", 0L);
            assertThat(health.knownOutage()).isNull();
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    @Order(2)
    void a_database_that_is_gone_fails_the_check_within_its_timeout_and_is_an_outage_for_requests() {
        assertThat(health.check().getStatus()).isEqualTo(Status.UP);
        server.close();

        long started = System.nanoTime();
        Health answer = health.check();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.getStatus()).as("%s", answer).isEqualTo(Status.DOWN);
        assertThat(answer.getDetails()).containsKey("outage");
        assertThat(health.knownOutage()).isEqualTo(DatabaseOutages.Kind.UNAVAILABLE);
        assertThat(took)
                .as("not the requests' ten-second wait for a connection")
                .isLessThan(Duration.ofSeconds(8));
    }
}
