package uk.nhs.ics.transition.app.support;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import uk.nhs.ics.transition.app.database.EmbeddedPostgresServer;

/** A PostgreSQL of the embedded default's binaries in a test's folder, with every migration of this service applied. */
public final class MigratedDatabase {

    private MigratedDatabase() {}

    /** Starts it in {@code folder} (not durable: a test's data need not survive a crash); close it when done. */
    public static EmbeddedPostgresServer start(Path folder) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, 0, "ics_transition", false);
        Flyway.configure()
                .dataSource(server.dataSource())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return server;
    }
}
