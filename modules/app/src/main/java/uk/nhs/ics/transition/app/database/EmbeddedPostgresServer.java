package uk.nhs.ics.transition.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries on Maven Central, keeping its data in a folder so that a
 * restart finds every event again. It is the service's default when no database is configured: a fresh machine
 * needs nothing but a JDK and Maven.
 *
 * <p>The embedded library's defaults suit throwaway test databases ({@code fsync} and {@code synchronous_commit}
 * off). This server is the system of record on a laptop or a demo, so it is made durable unless told otherwise:
 * a write the API has acknowledged survives a power cut.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STALE_SERVER_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * Starts a server on the data folder (creating it on first use) and makes sure the service's database exists.
     *
     * @param dataDirectory where PostgreSQL keeps its files
     * @param port the port to listen on (loopback only), or 0 for any free port
     * @param database the database the service uses
     * @param durable whether every commit is flushed to disk before it is acknowledged
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String database, boolean durable) {
        try {
            Files.createDirectories(dataDirectory);
            stopLeftoverServer(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // stopped by the application context, after the processors and the pool are done with it; the
                    // library's own JVM shutdown hook would stop it at the same moment as they stop, mid-batch
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("log_min_messages", "warning");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            try {
                createDatabaseIfMissing(postgres, database);
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            log.info(
                    "Embedded PostgreSQL is running on port {} with data in {} ({})",
                    postgres.getPort(),
                    dataDirectory.toAbsolutePath(),
                    durable ? "durable" : "not durable: fsync off");
            return new EmbeddedPostgresServer(postgres, database);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** A connection source for the service's database; the application pools it. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    /** An unpooled data source for the service's database, for tools and tests that need their own connection. */
    public DataSource dataSource() {
        return postgres.getDatabase(username(), database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        PGSimpleDataSource admin = (PGSimpleDataSource) postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection();
                Statement statement = connection.createStatement()) {
            boolean exists;
            try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
                log.info("Created database {}", database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + database, e);
        }
    }

    /**
     * A server left running by a process that was killed (not stopped) still holds the data folder; stop it so
     * this start can proceed. A server that belongs to a live service in another process is not ours to stop: the
     * folder's lock refuses the start instead.
     */
    private static void stopLeftoverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> server;
        try {
            server = ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return;
        }
        if (server.isEmpty() || !server.get().isAlive() || isHeldByLiveService(dataDirectory)) {
            return;
        }
        log.warn(
                "Stopping a PostgreSQL server (pid {}) left running on {}",
                server.get().pid(),
                dataDirectory);
        // SIGTERM is PostgreSQL's "smart" shutdown; the clients of a killed service are already gone
        server.get().destroy();
        try {
            server.get().onExit().get(STALE_SERVER_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a PostgreSQL server left on " + dataDirectory + " did not stop", e);
        }
    }

    private static boolean isHeldByLiveService(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE);
                var lock = channel.tryLock()) {
            return lock == null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
