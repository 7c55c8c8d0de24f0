package uk.nhs.ics.transition.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.axonframework.util.MavenArtifactVersionResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.SpringVersion;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projections' buffered writes ({@link StatementBuffer} through {@link BufferingJdbcClient}): what a handler
 * writes waits for the batch and goes in as few round trips as its order allows; what it reads sees what it wrote; and
 * the framework releases this was checked against are pinned.
 */
class BufferedWritesTest {

    private final RecordingDatabase recording = new RecordingDatabase();
    private final List<String> calls = recording.calls;
    private final NamedParameterJdbcOperations database = recording.operations;
    private final BufferingJdbcClient client = new BufferingJdbcClient(database);
    private final StatementBuffer buffer = new StatementBuffer();

    @AfterEach
    void deactivate() {
        buffer.deactivate();
    }

    @Test
    void without_a_buffer_every_update_goes_to_the_database_at_once() {
        client.sql("UPDATE a SET x = :x").param("x", 1).update();

        assertThat(calls).containsExactly("update: UPDATE a SET x = :x");
    }

    @Test
    void a_handlers_updates_wait_for_the_batch_and_runs_of_the_same_statement_go_as_one_jdbc_batch_in_order() {
        buffer.activate();
        client.sql("INSERT INTO a VALUES (:x)").param("x", 1).update();
        client.sql("INSERT INTO a VALUES (:x)").param("x", 2).update();
        client.sql("UPDATE b SET y = :y").param("y", 3).update();
        client.sql("INSERT INTO a VALUES (:x)").param("x", 4).update();

        assertThat(calls).as("nothing is sent while the batch runs").isEmpty();
        assertThat(buffer.size()).isEqualTo(4);

        buffer.flush(database);

        assertThat(calls)
                .containsExactly(
                        "batchUpdate: INSERT INTO a VALUES (:x) (2 rows)",
                        "update: UPDATE b SET y = :y",
                        "update: INSERT INTO a VALUES (:x)");
        assertThat(buffer.size()).isZero();
    }

    @Test
    void a_read_sends_what_is_buffered_first_so_a_handler_reads_what_it_wrote() {
        buffer.activate();
        client.sql("INSERT INTO a VALUES (:x)").param("x", 1).update();

        client.sql("SELECT x FROM a").query(Long.class).list();

        assertThat(calls).containsExactly("update: INSERT INTO a VALUES (:x)", "query: SELECT x FROM a");
    }

    @Test
    void positional_parameters_are_not_buffered() {
        buffer.activate();
        client.sql("INSERT INTO a VALUES (:x)").param("x", 1).update();

        client.sql("DELETE FROM a WHERE x = ?").param(1).update();

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).isEqualTo("update: INSERT INTO a VALUES (:x)");
        assertThat(calls.get(1)).startsWith("classic update: ").contains("DELETE FROM a WHERE x = ?");
    }

    @Test
    void the_writes_of_a_handler_that_failed_are_forgotten() {
        buffer.activate();
        client.sql("INSERT INTO a VALUES (:x)").param("x", 1).update();
        int before = buffer.size();
        client.sql("INSERT INTO a VALUES (:x)").param("x", 2).update();
        client.sql("UPDATE b SET y = :y").param("y", 3).update();

        buffer.truncate(before);
        buffer.flush(database);

        assertThat(calls).containsExactly("update: INSERT INTO a VALUES (:x)");
    }

    /**
     * Fails when Spring or Axon changes: then check whether Spring's {@link JdbcClient} can batch (6.2.19's cannot:
     * every {@code update()} is a round trip) and whether Axon's processors can give a batch's handlers one write of
     * their own (4.13.0's call them event by event in one transaction, and PostgreSQL aborts the whole transaction at
     * a failed statement, see {@link ProjectionTransactions}); and remove the buffer if both can.
     */
    @Test
    void the_releases_the_buffered_writes_were_checked_against() throws Exception {
        assertThat(SpringVersion.getVersion())
                .as("the Spring release the buffered writes were checked against; check it again and update this")
                .isEqualTo("6.2.19");
        assertThat(new MavenArtifactVersionResolver(
                                "org.axonframework",
                                "axon-messaging",
                                getClass().getClassLoader())
                        .get())
                .as("the Axon release the buffered writes were checked against; check it again and update this")
                .isEqualTo("4.13.0");
        assertThat(Arrays.stream(JdbcClient.StatementSpec.class.getMethods())
                        .map(Method::getName)
                        .filter(name -> name.toLowerCase().contains("batch")))
                .as("Spring's JdbcClient can batch now: BufferingJdbcClient may not be needed")
                .isEmpty();
    }
}
