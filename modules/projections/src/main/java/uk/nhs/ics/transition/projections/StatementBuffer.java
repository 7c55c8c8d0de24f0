package uk.nhs.ics.transition.projections;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The writes of one batch of projection events, kept in order and sent to the database together just before the
 * batch commits: statements in a row with the same SQL go as one JDBC batch (one round trip), instead of one round
 * trip (and a savepoint's two more) per statement. See {@link ProjectionTransactions} for when it is used, and what
 * happens if a buffered write fails.
 *
 * <p><b>Works around</b> Spring Framework 6.2.19 and Axon Framework 4.13.0 (checked on 2026-12-01): Spring's
 * {@code JdbcClient} sends every {@code update()} on its own, and Axon's processors call a batch's handlers event by
 * event. It pays for itself: commands per second rose by 28 % and the transfer replay doubled when it came (tuning
 * log, v6). {@code BufferedWritesTest} fails when either version changes or {@code JdbcClient} learns to batch.
 */
public final class StatementBuffer {

    private static final ThreadLocal<StatementBuffer> CURRENT = new ThreadLocal<>();

    private final List<String> statements = new ArrayList<>();
    private final List<SqlParameterSource> parameters = new ArrayList<>();

    /** The buffer the running handler writes into, if any. */
    static StatementBuffer current() {
        return CURRENT.get();
    }

    void activate() {
        CURRENT.set(this);
    }

    void deactivate() {
        CURRENT.remove();
    }

    int size() {
        return statements.size();
    }

    /** Forgets the writes after the first {@code size}: those of a handler that failed. */
    void truncate(int size) {
        statements.subList(size, statements.size()).clear();
        parameters.subList(size, parameters.size()).clear();
    }

    void add(String sql, SqlParameterSource parameters) {
        statements.add(sql);
        this.parameters.add(parameters);
    }

    /** Sends every buffered write, in order, and empties the buffer. */
    void flush(NamedParameterJdbcOperations jdbc) {
        int from = 0;
        while (from < statements.size()) {
            String sql = statements.get(from);
            int to = from + 1;
            while (to < statements.size() && statements.get(to).equals(sql)) {
                to++;
            }
            if (to - from == 1) {
                jdbc.update(sql, parameters.get(from));
            } else {
                jdbc.batchUpdate(sql, parameters.subList(from, to).toArray(SqlParameterSource[]::new));
            }
            from = to;
        }
        statements.clear();
        parameters.clear();
    }
}
