package uk.nhs.ics.transition.app.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
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
 *
 * <p>Nor is it open to everyone on the machine, as the library leaves it (it trusts every local connection as the
 * superuser, which can read any file the service can, the development signing key included, and run programs):
 * <ul>
 *   <li>the superuser has a random password, kept in the data folder ({@code postgres-password}, owner-only), given
 *       to {@code initdb} itself, and {@code pg_hba.conf} allows only SCRAM password authentication over loopback
 *       TCP: no {@code trust} entry, no Unix socket at all;
 *   <li>the data folder is its owner's only, and the binaries are unpacked inside it (not in a shared temporary
 *       folder the library makes world-writable).
 * </ul>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STALE_SERVER_WAIT = Duration.ofSeconds(30);

    static final String PASSWORD_FILE = "postgres-password";
    static final String BINARIES_FOLDER = "postgres-binaries";
    private static final String PASSWORD_SET_MARKER = "ics-password-set";

    private static final Duration RESTART_WAIT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final boolean durable;
    private final String database;
    private final String password;
    private final int port;
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres, Path dataDirectory, boolean durable, String database, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.durable = durable;
        this.database = database;
        this.password = password;
        this.port = postgres.getPort();
        this.postmaster = postmaster(dataDirectory).orElse(null);
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
            Path home = dataDirectory.toAbsolutePath().getParent();
            OwnerOnly.directory(home);
            OwnerOnly.directory(dataDirectory);
            Path binaries = OwnerOnly.directory(home.resolve(BINARIES_FOLDER));
            Path passwordFile = home.resolve(PASSWORD_FILE);
            String password = OwnerOnly.secret(passwordFile);
            boolean legacy = Files.exists(dataDirectory.resolve("postgresql.conf"))
                    && !Files.exists(dataDirectory.resolve(PASSWORD_SET_MARKER));
            stopLeftoverServer(dataDirectory);
            EmbeddedPostgres.Builder builder = builder(dataDirectory, binaries, passwordFile, password, legacy, durable)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            OwnerOnly.notWritableByOthers(binaries);
            try {
                if (legacy) {
                    closeLegacyCluster(postgres, dataDirectory, password);
                }
                Files.writeString(
                        dataDirectory.resolve(PASSWORD_SET_MARKER),
                        "the superuser's password is set; it is in ../" + PASSWORD_FILE + "\n");
                createDatabaseIfMissing(postgres, database);
            } catch (RuntimeException | IOException e) {
                postgres.close();
                throw e;
            }
            log.info(
                    "Embedded PostgreSQL is running on port {} with data in {} ({})",
                    postgres.getPort(),
                    dataDirectory.toAbsolutePath(),
                    durable ? "durable" : "not durable: fsync off");
            return new EmbeddedPostgresServer(postgres, dataDirectory, durable, database, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(
            Path dataDirectory, Path binaries, Path passwordFile, String password, boolean legacy, boolean durable) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPgBinaryResolver(new UnpackedInto(binaries))
                .setConnectConfig("password", password)
                // a new cluster: the superuser's password from initdb itself (these follow, and win over, the
                // library's own "-A trust")
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setDataDirectoryCustomizer(directory -> secure(directory.toPath(), legacy))
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                // stopped by the application context, after the processors and the pool are done with it; the
                // library's own JVM shutdown hook would stop it at the same moment as they stop, mid-batch
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("log_min_messages", "warning");
    }

    /** Whether the server's postmaster is alive (a frozen one is alive; a killed or crashed one is not). */
    public boolean isRunning() {
        ProcessHandle handle = postmaster;
        return handle != null && handle.isAlive();
    }

    /** The postmaster's process, while it runs. */
    public Optional<ProcessHandle> postmaster() {
        return Optional.ofNullable(postmaster).filter(ProcessHandle::isAlive);
    }

    /** Where the server keeps its files. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Starts the server again on the same folder and port, after its postmaster died: the connection pool's address
     * stays right, and PostgreSQL recovers from its write-ahead log as after a power cut.
     *
     * @throws RuntimeException if it does not start (a full disk, a port taken, old processes not gone yet)
     */
    public synchronized void restart() {
        if (isRunning()) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the dead embedded PostgreSQL: {}", e.toString());
        }
        Path home = dataDirectory.toAbsolutePath().getParent();
        Path binaries = home.resolve(BINARIES_FOLDER);
        // The library locks this file as it starts and releases it only on close(): an attempt that failed (a full
        // disk) keeps the lock in this JVM with no instance left to close, and every later attempt would fail on it.
        // A new file is a new lock; PostgreSQL's own postmaster.pid still keeps a second server off this folder.
        try {
            Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
        } catch (IOException e) {
            log.warn("Cannot remove the embedded PostgreSQL's lock file: {}", e.toString());
        }
        try {
            EmbeddedPostgres restarted = builder(
                            dataDirectory, binaries, home.resolve(PASSWORD_FILE), password, false, durable)
                    .setPGStartupWait(RESTART_WAIT)
                    .setPort(port)
                    .start();
            postgres = restarted;
            postmaster = postmaster(dataDirectory).orElse(null);
            log.info("Embedded PostgreSQL is running again on port {}", port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A connection source for the service's database; the application pools it. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    /** The superuser's password, kept owner-only in the data folder. */
    public String password() {
        return password;
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

    private static final String SCRAM_ONLY = """
            # Written by ics-transition at every start: password (SCRAM) over loopback TCP only.
            # No trust entries, and no Unix socket (unix_socket_directories is empty).
            host  all  all  127.0.0.1/32  scram-sha-256
            host  all  all  ::1/128       scram-sha-256
            """;

    /**
     * Before every start, only password authentication over loopback. A cluster this release creates has its
     * password from {@code initdb} itself; one an earlier release created (trusting every local connection) is started
     * once more trusting loopback for the superuser alone, only until its password is set just after (see
     * {@link #closeLegacyCluster}).
     */
    private static void secure(Path dataDirectory, boolean legacy) {
        try {
            Files.writeString(
                    dataDirectory.resolve("pg_hba.conf"),
                    legacy
                            ? "# ics-transition: trusted only until the superuser's password is set, moments from now\n"
                                    + "host  all  postgres  127.0.0.1/32  trust\n"
                            : SCRAM_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot secure the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Sets the password of a cluster an earlier release left open, then closes it to anything but the password. */
    private static void closeLegacyCluster(EmbeddedPostgres postgres, Path dataDirectory, String password)
            throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), SCRAM_ONLY);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the password of the embedded PostgreSQL", e);
        }
        log.info("The embedded PostgreSQL's superuser now needs its password ({} in the data folder)", PASSWORD_FILE);
    }

    /**
     * The library's own binaries, unpacked into this data folder's binaries folder. The library remembers where it
     * unpacked binaries by resolver, not by folder: one resolver per folder keeps each data folder's binaries its own.
     */
    private record UnpackedInto(Path folder) implements PgBinaryResolver {
        @Override
        public java.io.InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
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
