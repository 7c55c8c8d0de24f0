package uk.nhs.ics.transition.projections;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How far each projection has come for each aggregate: the version its rows show. A write answers with the
 * aggregate's new version; a read waiting for that version ({@code X-Min-Version}) waits here, briefly.
 */
public class ProjectionPositions {

    private static final Duration POLL = Duration.ofMillis(15);

    private final JdbcClient jdbc;
    private final ReplaySnapshots snapshots;

    public ProjectionPositions(JdbcClient jdbc, ReplaySnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /**
     * The version of the aggregate the projection shows, if it has seen the aggregate at all. While the projection
     * is being replayed, reads show the copy taken when the replay began, and so does this.
     */
    public Optional<Long> version(String projection, String aggregateId) {
        String positions = snapshots.holds(projection) ? ReplaySnapshots.SCHEMA + ".position" : "projection_position";
        return jdbc.sql("SELECT version FROM " + positions + " WHERE projection = :projection AND aggregate_id = :id")
                .param("projection", projection)
                .param("id", aggregateId)
                .query(Long.class)
                .optional();
    }

    /**
     * Waits until the projection shows at least the version, or the patience runs out.
     *
     * @return the version shown when the wait ended (which may still be lower than asked)
     */
    public Optional<Long> awaitVersion(String projection, String aggregateId, long minimum, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<Long> version = version(projection, aggregateId);
            if (version.isPresent() && version.get() >= minimum || System.nanoTime() >= deadline) {
                return version;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return version;
            }
        }
    }
}
