package uk.nhs.ics.transition.app.ops;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replays as requests recorded in the database ({@code projection_replay}) before they are acknowledged, so that
 * every node of the service sees them and none is lost to a crash: REQUESTED (acknowledged, not begun), STARTED (the
 * read model was copied, emptied and its tokens reset, in one transaction), CAUGHT_UP (the rebuilt tables serve reads
 * again) or FAILED (could not be begun; the read model carried on as it was).
 */
public class ProjectionReplays {

    /** A replay waiting to begin. */
    public record Request(long id, String projection, String requestedBy, Instant requestedAt, int attempts) {}

    /** A replay begun and not yet caught up. */
    public record Running(long id, String projection, Instant startedAt) {}

    /** Another replay of the projection is waiting to begin. */
    public static final class AlreadyRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyRequested(String projection) {
            super(projection + " is already being replayed");
        }
    }

    private final JdbcClient jdbc;

    public ProjectionReplays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a request (in the caller's transaction, if any); refused while another waits to begin. */
    public long request(String projection, String requestedBy, String requestId) {
        try {
            return jdbc.sql("""
                            INSERT INTO projection_replay (projection, requested_by, request_id)
                            VALUES (:projection, :by, :requestId) RETURNING id""")
                    .param("projection", projection)
                    .param("by", requestedBy)
                    .param("requestId", requestId)
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new AlreadyRequested(projection);
        }
    }

    public List<Request> waiting() {
        return jdbc.sql("""
                        SELECT id, projection, requested_by, requested_at, attempts FROM projection_replay
                         WHERE state = 'REQUESTED' ORDER BY id""")
                .query((rs, n) -> new Request(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getInt(5)))
                .list();
    }

    public List<Running> running() {
        return jdbc.sql("""
                        SELECT id, projection, started_at FROM projection_replay
                         WHERE state = 'STARTED' ORDER BY id""")
                .query((rs, n) -> new Running(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Whether a replay of the projection is waiting to begin. */
    public boolean isWaiting(String projection) {
        return jdbc.sql("SELECT count(*) FROM projection_replay WHERE projection = :projection AND state = 'REQUESTED'")
                        .param("projection", projection)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether a replay of the projection is waiting or running. */
    public boolean open(String projection) {
        return jdbc.sql("""
                        SELECT count(*) FROM projection_replay
                         WHERE projection = :projection AND state IN ('REQUESTED', 'STARTED')""").param("projection", projection).query(Long.class).single() > 0;
    }

    /**
     * Locks a waiting request for this transaction, unless another node holds it (then it is that node's to begin).
     */
    public boolean lock(long id) {
        return jdbc.sql("""
                        SELECT id FROM projection_replay WHERE id = :id AND state = 'REQUESTED'
                           FOR UPDATE SKIP LOCKED""").param("id", id).query(Long.class).optional().isPresent();
    }

    public void started(long id, String node) {
        jdbc.sql("""
                        UPDATE projection_replay SET state = 'STARTED', started_at = now(), started_by = :node,
                               attempts = attempts + 1
                         WHERE id = :id""").param("id", id).param("node", node).update();
    }

    /** Counts a failed attempt to begin; after the last one the request fails for good. */
    public boolean failedAttempt(long id, String failure, int maxAttempts) {
        return jdbc.sql("""
                        UPDATE projection_replay
                           SET attempts = attempts + 1,
                               failure = :failure,
                               state = CASE WHEN attempts + 1 >= :max THEN 'FAILED' ELSE state END,
                               finished_at = CASE WHEN attempts + 1 >= :max THEN now() ELSE finished_at END
                         WHERE id = :id AND state = 'REQUESTED'
                     RETURNING state""")
                .param("id", id)
                .param("failure", failure)
                .param("max", maxAttempts)
                .query(String.class)
                .optional()
                .map("FAILED"::equals)
                .orElse(false);
    }

    /** Marks every running replay of the projection caught up. */
    public void caughtUp(String projection) {
        jdbc.sql("""
                        UPDATE projection_replay SET state = 'CAUGHT_UP', finished_at = now()
                         WHERE projection = :projection AND state = 'STARTED'""").param("projection", projection).update();
    }

    /** The projection's latest replay, in any state. */
    public Optional<String> latestState(String projection) {
        return jdbc.sql("""
                        SELECT state FROM projection_replay WHERE projection = :projection
                         ORDER BY id DESC LIMIT 1""").param("projection", projection).query(String.class).optional();
    }

    /** The claims on the processor's segments: owner and when last extended (token_entry's own text). */
    public record Claim(int segment, String owner, Instant at) {}

    public List<Claim> claims(String processor) {
        return jdbc.sql("SELECT segment, owner, timestamp FROM token_entry WHERE processor_name = :p ORDER BY segment")
                .param("p", processor)
                .query((rs, n) -> new Claim(rs.getInt(1), rs.getString(2), parse(rs.getString(3))))
                .list();
    }

    /** The stored tokens of the processor's segments, as the token store wrote them. */
    public record StoredToken(int segment, String type, byte[] token) {}

    public List<StoredToken> tokens(String processor) {
        return jdbc.sql("""
                        SELECT segment, token_type, token FROM token_entry WHERE processor_name = :p
                         ORDER BY segment""")
                .param("p", processor)
                .query((rs, n) -> new StoredToken(rs.getInt(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    private static Instant parse(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return Timestamp.valueOf(timestamp).toInstant();
        }
    }
}
