package uk.nhs.ics.transition.projections;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every projection does when it is reset for a replay: empty its tables and forget its positions. */
public final class ReadModelReset {

    private ReadModelReset() {}

    /**
     * @param projection the projection (its processing group)
     * @param tables every table it writes (and nothing else: {@link ReplaySnapshots} copies the same list)
     */
    public static void clear(JdbcClient jdbc, String projection, List<String> tables) {
        jdbc.sql("TRUNCATE " + String.join(", ", tables)).update();
        jdbc.sql("DELETE FROM projection_position WHERE projection = :name")
                .param("name", projection)
                .update();
    }
}
