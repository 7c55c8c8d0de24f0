package uk.nhs.ics.transition.projections;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a read model answering while it is rebuilt. Just before a replay empties a projection's tables, they are
 * copied, with the projection's positions, into the {@value #SCHEMA} schema; until the replay has caught up again,
 * reads find those copies first on their search path (see {@link #SEARCH_PATH}) and answer with the state as it
 * was when the replay began, instead of a half-built one. When the replay has caught up, the copies are dropped and
 * reads see the rebuilt tables.
 *
 * <p>The copies are made {@code LIKE} the tables Flyway created (columns, defaults, indexes), so they always have the
 * structure of the read model they stand in for; {@code replay_snapshot.snapshot} (created by Flyway) says which
 * projections are held, and is what every node of the service reads to know it.
 *
 * <p><b>Works around</b> Axon Framework 4.13.0 (checked on 2026-12-01): a replay resets a processor's tokens and
 * rebuilds in place, its {@code @ResetHandler}s emptying the very tables the reads use; Axon offers no way to keep
 * answering from the previous read model. {@code ReadModelTablesTest} (in the app module, on a real PostgreSQL) fails
 * when Axon's version changes.
 */
public class ReplaySnapshots {

    public static final String SCHEMA = "replay_snapshot";

    /** The search path of a read while any snapshot is held: the copies first, then the live tables. */
    public static final String SEARCH_PATH = SCHEMA + ", public";

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Duration FRESHNESS = Duration.ofMillis(250);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private volatile Set<String> held = Set.of();
    private volatile long readAt = Long.MIN_VALUE;

    private final Runnable longStatements;

    /**
     * @param longStatements lets the current transaction's connection wait for a long statement (it has a socket
     *     timeout for outages otherwise)
     */
    public ReplaySnapshots(JdbcClient jdbc, TransactionTemplate transactions, Runnable longStatements) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.longStatements = longStatements;
    }

    /**
     * Copies the projection's tables and positions, all at once, replacing any earlier copy of them. A copy of a
     * large read model is one long statement: the connection may wait for it as long as it takes.
     */
    public void preserve(String projection, List<String> tables) {
        tables.forEach(ReplaySnapshots::checkName);
        transactions.executeWithoutResult(tx -> {
            longStatements.run();
            copy(projection, tables);
        });
        readAt = Long.MIN_VALUE;
    }

    /** Drops the projection's copies, all at once: reads see its rebuilt tables again. */
    public void release(String projection) {
        transactions.executeWithoutResult(tx -> drop(projection));
        readAt = Long.MIN_VALUE;
    }

    private void copy(String projection, List<String> tables) {
        for (String table : tables) {
            jdbc.sql("DROP TABLE IF EXISTS " + SCHEMA + "." + table).update();
            jdbc.sql("CREATE TABLE " + SCHEMA + "." + table + " (LIKE public." + table
                            + " INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING CONSTRAINTS)")
                    .update();
            jdbc.sql("INSERT INTO " + SCHEMA + "." + table + " SELECT * FROM public." + table)
                    .update();
        }
        jdbc.sql("DELETE FROM " + SCHEMA + ".position WHERE projection = :projection")
                .param("projection", projection)
                .update();
        jdbc.sql("INSERT INTO " + SCHEMA + ".position (projection, aggregate_id, version)"
                        + " SELECT projection, aggregate_id, version FROM public.projection_position"
                        + " WHERE projection = :projection")
                .param("projection", projection)
                .update();
        jdbc.sql("""
                        INSERT INTO replay_snapshot.snapshot (projection, tables) VALUES (:projection, :tables)
                        ON CONFLICT (projection) DO UPDATE SET tables = EXCLUDED.tables, taken_at = now()""")
                .param("projection", projection)
                .param("tables", tables.toArray(String[]::new))
                .update();
    }

    private void drop(String projection) {
        List<String> tables = jdbc.sql("SELECT unnest(tables) FROM replay_snapshot.snapshot WHERE projection = :p")
                .param("p", projection)
                .query(String.class)
                .list();
        for (String table : tables) {
            checkName(table);
            jdbc.sql("DROP TABLE IF EXISTS " + SCHEMA + "." + table).update();
        }
        jdbc.sql("DELETE FROM " + SCHEMA + ".position WHERE projection = :projection")
                .param("projection", projection)
                .update();
        jdbc.sql("DELETE FROM replay_snapshot.snapshot WHERE projection = :projection")
                .param("projection", projection)
                .update();
    }

    /** The projections whose reads answer from a copy (read afresh at most every quarter of a second). */
    public Set<String> held() {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > FRESHNESS.toNanos()) {
            held = Set.copyOf(jdbc.sql("SELECT projection FROM replay_snapshot.snapshot")
                    .query(String.class)
                    .list());
            readAt = now;
        }
        return held;
    }

    public boolean holds(String projection) {
        return held().contains(projection);
    }

    public boolean any() {
        return !held().isEmpty();
    }

    private static void checkName(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
    }
}
