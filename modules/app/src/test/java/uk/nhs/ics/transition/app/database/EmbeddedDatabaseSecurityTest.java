package uk.nhs.ics.transition.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL is its owner's alone: a password nobody else has, SCRAM over loopback only, no trust, no
 * Unix socket, and no file anyone else may change; a data folder from a release before this one is closed the same
 * way on its next start.
 */
class EmbeddedDatabaseSecurityTest {

    @TempDir
    Path home;

    @Test
    void only_the_password_in_the_owner_only_data_folder_opens_it() throws Exception {
        EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(home.resolve("postgres"), 0, "ics_transition", false);
        try {
            String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/ics_transition";
            assertThatThrownBy(() ->
                            DriverManager.getConnection(url, "postgres", null).close())
                    .as("no password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess")
                            .close())
                    .as("a wrong password")
                    .isInstanceOf(SQLException.class);
            try (Connection connection = DriverManager.getConnection(url, "postgres", server.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(Files.readString(home.resolve(EmbeddedPostgresServer.PASSWORD_FILE))
                            .strip())
                    .isEqualTo(server.password());

            JdbcClient jdbc = JdbcClient.create(server.dataSource());
            assertThat(jdbc.sql("SHOW unix_socket_directories")
                            .query(String.class)
                            .single())
                    .as("no Unix socket")
                    .isEmpty();
            List<String> rules = jdbc.sql("SELECT type || ' ' || coalesce(address, '') || ' ' || auth_method"
                            + " FROM pg_hba_file_rules")
                    .query(String.class)
                    .list();
            assertThat(rules)
                    .allMatch(rule -> rule.endsWith("scram-sha-256"))
                    .noneMatch(rule -> rule.contains("trust"));

            assertThat(permissions(home)).isEqualTo("rwx------");
            assertThat(permissions(home.resolve("postgres"))).isEqualTo("rwx------");
            assertThat(permissions(home.resolve(EmbeddedPostgresServer.PASSWORD_FILE)))
                    .isEqualTo("rw-------");
            try (Stream<Path> binaries = Files.walk(home.resolve(EmbeddedPostgresServer.BINARIES_FOLDER))) {
                assertThat(binaries.filter(path -> !Files.isSymbolicLink(path)))
                        .as("nothing of the unpacked binaries is writable by others")
                        .noneMatch(path -> writableByOthers(path));
            }
        } finally {
            server.close();
        }

        EmbeddedPostgresServer again =
                EmbeddedPostgresServer.start(home.resolve("postgres"), 0, "ics_transition", false);
        try {
            assertThat(again.password()).as("the same password after a restart").isNotBlank();
            assertThat(JdbcClient.create(again.dataSource())
                            .sql("SELECT 1")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            again.close();
        }
    }

    @Test
    void a_data_folder_left_open_by_an_earlier_release_is_closed_at_its_next_start() throws Exception {
        Path data = home.resolve("postgres");
        // what the first releases left behind: the library's defaults, trusting every local connection
        try (EmbeddedPostgres open = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()) {
            try (Connection trusted = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + open.getPort() + "/postgres", "postgres", null)) {
                assertThat(trusted.isValid(2))
                        .as("the old default trusted anyone")
                        .isTrue();
            }
        }

        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, "ics_transition", false);
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", "postgres", null)
                            .close())
                    .isInstanceOf(SQLException.class);
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust\n");
        } finally {
            server.close();
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static boolean writableByOthers(Path path) {
        try {
            var permissions = Files.getPosixFilePermissions(path);
            return permissions.contains(PosixFilePermission.OTHERS_WRITE)
                    || permissions.contains(PosixFilePermission.GROUP_WRITE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
