package uk.nhs.ics.transition.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** An outage of the database answers 503 with Retry-After; a defect or a refusal is not an outage. */
class DatabaseOutagesTest {

    private final DatabaseOutages outages = new DatabaseOutages(Duration.ofSeconds(7));

    @Test
    void a_pool_that_cannot_lend_a_connection_in_time_is_an_outage_however_deeply_wrapped() {
        SQLTransientConnectionException timeout =
                new SQLTransientConnectionException("ics-embedded - Connection is not available, request timed out");
        Exception wrapped = new CannotCreateTransactionException(
                "Could not open JDBC Connection", new CannotGetJdbcConnectionException("no connection", timeout));

        assertThat(DatabaseOutages.kind(wrapped)).contains(DatabaseOutages.Kind.UNAVAILABLE);
        ResponseEntity<ProblemDetail> answer = outages.answer(wrapped).orElseThrow();
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("7");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "DATABASE_UNAVAILABLE");
    }

    @Test
    void postgresql_states_of_connection_shutdown_resources_and_timeouts_are_outages() {
        for (String state : new String[] {"08006", "08001", "57P01", "57P03", "53300", "57014", "58030"}) {
            assertThat(DatabaseOutages.kind(new EventStoreException("append failed", new SQLException("x", state))))
                    .as(state)
                    .contains(DatabaseOutages.Kind.UNAVAILABLE);
        }
        SQLException frozen = new SQLException(
                "An I/O error occurred while sending to the backend.",
                "08006",
                new SocketTimeoutException("Read timed out"));
        assertThat(outages.isOutage(frozen)).isTrue();
    }

    @Test
    void a_full_disk_is_named() {
        assertThat(DatabaseOutages.kind(new SQLException("could not extend file", "53100")))
                .contains(DatabaseOutages.Kind.DISK_FULL);
        assertThat(DatabaseOutages.kind(new RuntimeException(
                        new SQLException("wrapped", "XX000", new IOException("No space left on device")))))
                .contains(DatabaseOutages.Kind.DISK_FULL);
        assertThat(outages.answer(new SQLException("full", "53100"))
                        .orElseThrow()
                        .getBody()
                        .getProperties())
                .containsEntry("code", "DATABASE_DISK_FULL");
    }

    @Test
    void a_commit_that_could_not_be_rolled_back_either_is_an_outage() {
        // what a PANIC on a full disk during COMMIT reaches the request as (seen with the disk filled by hand)
        assertThat(DatabaseOutages.kind(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .contains(DatabaseOutages.Kind.UNAVAILABLE);
        assertThat(outages.isOutage(new TransactionSystemException("no transaction in progress")))
                .isFalse();
        assertThat(outages.isOutage(new TransactionSystemException(
                        "Could not commit JDBC transaction", new SQLException("refused by a trigger", "P0001"))))
                .as("a commit the server refused is the server's answer, not an outage")
                .isFalse();
        RuntimeException withSuppressed = new RuntimeException("append failed");
        withSuppressed.addSuppressed(new SQLException("could not write", "53100"));
        assertThat(DatabaseOutages.kind(withSuppressed)).contains(DatabaseOutages.Kind.DISK_FULL);
    }

    @Test
    void refusals_constraint_violations_and_defects_are_not_outages() {
        assertThat(outages.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(outages.isOutage(new DataIntegrityViolationException("check failed")))
                .isFalse();
        assertThat(outages.isOutage(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(outages.isOutage(new NullPointerException())).isFalse();
        assertThat(outages.answer(new IllegalStateException("bug"))).isEmpty();
    }

    @Test
    void a_cycle_of_causes_ends() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(outages.isOutage(second)).isFalse();
    }
}
