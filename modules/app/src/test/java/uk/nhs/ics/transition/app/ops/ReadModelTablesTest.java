package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.util.MavenArtifactVersionResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.app.database.EmbeddedPostgresServer;
import uk.nhs.ics.transition.app.support.MigratedDatabase;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.ReplaySnapshots;
import uk.nhs.ics.transition.projections.TemporalTable;

/**
 * The read side's table machinery on a real PostgreSQL with this service's migrations: {@link TemporalTable}'s
 * versions (idempotent, never closed by an older event, read as of an instant), and {@link ReplaySnapshots} (a read
 * model's copy answers reads while the live tables are rebuilt, and goes when released; the Axon release it was
 * checked against is pinned). The statements themselves are unit-tested in the projections module.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelTablesTest {

    @TempDir
    static Path dataDir;

    private EmbeddedPostgresServer server;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private ReplaySnapshots snapshots;

    @BeforeAll
    void start() {
        server = MigratedDatabase.start(dataDir.resolve("postgres"));
        DataSource dataSource = server.dataSource();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        snapshots = new ReplaySnapshots(jdbc, transactions, () -> {});
        jdbc.sql("CREATE TABLE public.widget (id text PRIMARY KEY, colour text NOT NULL DEFAULT 'blue')")
                .update();
        jdbc.sql("""
                        CREATE TABLE public.widget_state (
                            id text NOT NULL, colour text, valid_from timestamptz NOT NULL, valid_to timestamptz,
                            version bigint NOT NULL, PRIMARY KEY (id, version))""").update();
    }

    @Test
    void a_temporal_table_keeps_every_version_applies_an_event_once_and_never_lets_an_older_one_close_a_newer() {
        TemporalTable widgets = new TemporalTable("widget_state", List.of("id"), List.of("colour"), Set.of());
        Instant first = Instant.parse("2021-07-06T09:00:00Z");
        Instant second = first.plusSeconds(3600);
        Instant third = second.plusSeconds(3600);

        widgets.replace(jdbc, Map.of("id", "w"), TemporalTable.values("colour", "red"), 1, first);
        widgets.amend(jdbc, Map.of("id", "w"), Map.of("colour", "green"), 2, second);
        widgets.amend(jdbc, Map.of("id", "w"), Map.of("colour", "green"), 2, second);
        widgets.replace(jdbc, Map.of("id", "w"), TemporalTable.values("colour", "red"), 1, first);

        assertThat(versions())
                .as("the same events again change nothing")
                .containsExactly("1:red:closed", "2:green:current");
        assertThat(colourAsOf(AsOf.of(first.plusSeconds(60)))).containsExactly("red");
        assertThat(colourAsOf(AsOf.now())).containsExactly("green");

        widgets.replace(jdbc, Map.of("id", "w"), TemporalTable.values("colour", "blue"), 5, third);
        widgets.replace(jdbc, Map.of("id", "w"), TemporalTable.values("colour", "grey"), 4, third);

        assertThat(versions())
                .as("an event older than the current version neither closes it nor adds a version")
                .containsExactly("1:red:closed", "2:green:closed", "5:blue:current");

        widgets.end(jdbc, Map.of("id", "w"), 6, third.plusSeconds(60));

        assertThat(colourAsOf(AsOf.now())).isEmpty();
        assertThat(colourAsOf(AsOf.of(third.plusSeconds(30)))).containsExactly("blue");
    }

    private List<String> versions() {
        return jdbc.sql("SELECT version || ':' || colour || ':' || CASE WHEN valid_to IS NULL THEN 'current'"
                        + " ELSE 'closed' END FROM widget_state ORDER BY version")
                .query(String.class)
                .list();
    }

    private List<String> colourAsOf(AsOf asOf) {
        return jdbc.sql("SELECT colour FROM widget_state w WHERE " + TemporalTable.valid("w", asOf))
                .param("asOf", asOf.bound())
                .query(String.class)
                .list();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void reads_answer_from_the_copy_while_the_live_table_is_rebuilt_and_from_the_live_table_once_released() {
        jdbc.sql("INSERT INTO widget (id, colour) VALUES ('a', 'red'), ('b', 'green')")
                .update();
        jdbc.sql("INSERT INTO projection_position (projection, aggregate_id, version) VALUES ('widgets', 'QKS', 7)")
                .update();

        snapshots.preserve("widgets", List.of("widget"));
        jdbc.sql("TRUNCATE public.widget").update();
        jdbc.sql("INSERT INTO widget (id) VALUES ('a')").update();

        assertThat(snapshots.holds("widgets")).isTrue();
        assertThat(snapshots.any()).isTrue();
        assertThat(readThroughSearchPath("SELECT id || ':' || colour FROM widget ORDER BY id"))
                .as("the state as it was when the replay began, not the half-built table")
                .containsExactly("a:red", "b:green");
        assertThat(readThroughSearchPath(
                        "SELECT aggregate_id || ':' || version FROM position WHERE projection = 'widgets'"))
                .containsExactly("QKS:7");

        snapshots.release("widgets");

        assertThat(snapshots.holds("widgets")).isFalse();
        assertThat(readThroughSearchPath("SELECT id || ':' || colour FROM widget ORDER BY id"))
                .containsExactly("a:blue");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'replay_snapshot'"
                                + " AND tablename = 'widget'")
                        .query(Long.class)
                        .single())
                .as("the copy is dropped")
                .isZero();
    }

    @Test
    void a_name_that_is_not_a_plain_table_name_is_refused_before_any_statement() {
        assertThatThrownBy(() -> snapshots.preserve("gadgets", List.of("widget; DROP TABLE widget")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a table name");
        assertThat(snapshots.holds("gadgets")).isFalse();
    }

    /**
     * Fails when Axon changes: then check whether a replay can keep serving the previous read model (Axon 4.13.0
     * resets a processor's tokens and replays in place: its {@code @ResetHandler}s empty the tables the reads use),
     * and remove {@link ReplaySnapshots} if it can.
     */
    @Test
    void the_axon_release_replay_snapshots_was_checked_against() throws Exception {
        assertThat(new MavenArtifactVersionResolver(
                                "org.axonframework",
                                "axon-messaging",
                                getClass().getClassLoader())
                        .get())
                .as("the Axon release ReplaySnapshots was checked against; check it again and update this")
                .isEqualTo("4.13.0");
    }

    private List<String> readThroughSearchPath(String sql) {
        return transactions.execute(tx -> {
            jdbc.sql("SET LOCAL search_path TO " + ReplaySnapshots.SEARCH_PATH).update();
            return jdbc.sql(sql).query(String.class).list();
        });
    }
}
