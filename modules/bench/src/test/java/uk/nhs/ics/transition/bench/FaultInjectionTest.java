package uk.nhs.ics.transition.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Faults injected from outside, as an operator's bad day brings them, into the jar the build has just made, on its
 * embedded PostgreSQL: the postmaster killed mid-load, the database frozen, the service killed just after it accepted
 * a replay. Each asserts what clients get (503 with {@code Retry-After} and a problem, never a lost or doubled
 * acknowledged write), that health answers at once and tells the truth, and that the service recovers with no
 * operator. Clients behave as the API asks: a write carries an {@code Idempotency-Key} and is retried with it after a
 * 503 or a broken connection.
 */
class FaultInjectionTest {

    private static final Path JAR =
            Path.of(System.getProperty("ics.bench.service-jar", "../app/target/ics-transition.jar"));
    private static final Path WORK = Path.of(System.getProperty("ics.bench.work-dir", "target/bench-smoke"))
            .resolveSibling("faults");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A write as the client saw it: its key, and the answers it got until one was final. */
    record Acknowledged(String key, String ccg, String itemId, String description) {}

    /** Every answer a writer got that was not final, by status (and what a 503 said). */
    private final List<String> interim = new CopyOnWriteArrayList<>();

    @Test
    void the_embedded_postmaster_killed_mid_load_is_restarted_and_no_acknowledged_write_is_lost_or_doubled()
            throws Exception {
        try (ServiceUnderTest service = start("postmaster-killed", List.of())) {
            String token = token(service, "fault-writer", "PROGRAMME_MANAGER", List.of("QSL", "QT6"));
            List<String> ccgs = List.of("11N", "11X");
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String writer = "w" + w;
                String ccg = ccgs.get(w % ccgs.size());
                running.add(writers.submit(() -> {
                    for (int n = 0; writing.get(); n++) {
                        acknowledged.add(write(service, token, ccg, writer + "-" + n));
                    }
                    return null;
                }));
            }
            awaitTrue("writes are acknowledged", Duration.ofSeconds(60), () -> acknowledged.size() >= 20);

            ProcessHandle postmaster = postmaster(service);
            postmaster.destroyForcibly();
            long killedAt = System.nanoTime();
            awaitTrue(
                    "readiness refuses traffic",
                    Duration.ofSeconds(10),
                    () -> status(service, "/actuator/health/readiness") == 503);
            double notReadyAfter = (System.nanoTime() - killedAt) / 1e9;
            assertThat(status(service, "/actuator/health/liveness"))
                    .as("the process itself is fine")
                    .isEqualTo(200);

            awaitTrue(
                    "the postmaster runs again",
                    Duration.ofSeconds(120),
                    () -> postmasterPid(service) != postmaster.pid()
                            && status(service, "/actuator/health/readiness") == 200);
            double readyAgainAfter = (System.nanoTime() - killedAt) / 1e9;
            int before = acknowledged.size();
            awaitTrue(
                    "writes are acknowledged again", Duration.ofSeconds(60), () -> acknowledged.size() >= before + 20);
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writers.shutdown();

            System.out.printf(
                    "[faults] postmaster killed: readiness refused after %.1f s, ready again after %.1f s; %d writes"
                            + " acknowledged; interim answers: %s%n",
                    notReadyAfter, readyAgainAfter, acknowledged.size(), summary(interim));
            assertThat(interim)
                    .as("clients were told to come back")
                    .anyMatch(a -> a.startsWith("503 DATABASE_UNAVAILABLE retry-after="));
            assertThat(interim)
                    .as("nothing but outages and broken connections")
                    .allMatch(a -> a.startsWith("503 DATABASE_UNAVAILABLE") || a.startsWith("connection"));
            assertEveryAcknowledgedWriteStoredOnce(service, acknowledged);
            assertThat(write(service, token, "11N", "after-the-fault").itemId())
                    .as("the next write takes the next item")
                    .isNotBlank();
        }
    }

    @Test
    void a_frozen_database_makes_health_say_so_at_once_and_writes_answer_503_in_bounded_time_then_all_recovers()
            throws Exception {
        try (ServiceUnderTest service = start(
                "database-frozen", List.of("--spring.datasource.hikari.data-source-properties.socketTimeout=4"))) {
            String token = token(service, "fault-freezer", "PROGRAMME_MANAGER", List.of("QSL"));
            List<Acknowledged> acknowledged = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                acknowledged.add(write(service, token, "11X", "before-" + n));
            }
            List<ProcessHandle> postgres = postgresProcesses(service);
            signal("STOP", postgres);
            try {
                long frozenAt = System.nanoTime();
                awaitTrue(
                        "readiness refuses traffic",
                        Duration.ofSeconds(15),
                        () -> status(service, "/actuator/health/readiness") == 503);
                double notReadyAfter = (System.nanoTime() - frozenAt) / 1e9;
                long asked = System.nanoTime();
                int health = status(service, "/actuator/health");
                double healthTook = (System.nanoTime() - asked) / 1e9;

                long sent = System.nanoTime();
                HttpResponse<String> refused =
                        post(service, token, "/api/v1/ccgs/11X/transfer/items", "frozen-key", item("frozen"));
                double writeTook = (System.nanoTime() - sent) / 1e9;

                System.out.printf(
                        "[faults] database frozen: readiness refused after %.1f s; /actuator/health answered %d in"
                                + " %.2f s; a write answered %d in %.1f s%n",
                        notReadyAfter, health, healthTook, refused.statusCode(), writeTook);
                assertThat(health).isEqualTo(503);
                assertThat(healthTook)
                        .as("health answers from its latest results")
                        .isLessThan(2.0);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(Http.JSON.readTree(refused.body()).get("code").asText())
                        .isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(Http.JSON
                                .readTree(refused.body())
                                .get("correlationId")
                                .asText())
                        .isNotBlank();
                assertThat(writeTook)
                        .as("bounded by the connection's socket timeout")
                        .isLessThan(30.0);
            } finally {
                signal("CONT", postgres);
            }
            awaitTrue(
                    "ready again", Duration.ofSeconds(60), () -> status(service, "/actuator/health/readiness") == 200);
            acknowledged.add(retried(service, token, "11X", "frozen-key", "frozen"));
            for (int n = 0; n < 5; n++) {
                acknowledged.add(write(service, token, "11X", "after-" + n));
            }
            assertEveryAcknowledgedWriteStoredOnce(service, acknowledged);
        }
    }

    @Test
    void a_replay_accepted_just_before_the_service_is_killed_is_carried_out_after_it_starts_again() throws Exception {
        ServiceUnderTest first = start("replay-killed", List.of());
        String national = token(first, "fault-operator", "NATIONAL_PROGRAMME", List.of());
        HttpResponse<String> accepted =
                post(first, national, "/api/v1/admin/projections/milestones/replay", null, null);
        HttpResponse<String> approved = null;
        if (accepted.statusCode() == 202 && accepted.body().contains("\"approvalId\"")) {
            // four eyes (the jar's default): the replay is recorded once a second national operator approves it
            String checker = token(first, "fault-checker", "NATIONAL_PROGRAMME", List.of());
            approved = post(
                    first,
                    checker,
                    "/api/v1/approvals/"
                            + Http.JSON
                                    .readTree(accepted.body())
                                    .get("approvalId")
                                    .asText() + "/approve",
                    null,
                    null);
        }
        first.kill();
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        if (approved != null) {
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        }

        try (ServiceUnderTest second = ServiceUnderTest.restart(first, Duration.ofMinutes(3))) {
            awaitTrue("the accepted replay is carried out and catches up", Duration.ofSeconds(120), () -> {
                try (Connection connection = DriverManager.getConnection(second.jdbcUrl());
                        PreparedStatement statement = connection.prepareStatement(
                                "SELECT state FROM projection_replay WHERE projection = 'milestones'");
                        ResultSet rows = statement.executeQuery()) {
                    return rows.next() && rows.getString(1).equals("CAUGHT_UP");
                } catch (Exception notYet) {
                    return false;
                }
            });
            String auditor = token(second, "fault-auditor", "AUDITOR", List.of());
            JsonNode status = Http.JSON.readTree(
                    get(second, auditor, "/api/v1/admin/projections/milestones").body());
            assertThat(status.get("running").asBoolean()).isTrue();
            assertThat(status.get("readsFromSnapshot").asBoolean()).isFalse();
        }
    }

    // ---------------------------------------------------------------- the client

    /** One write, retried with its key after a 503 or a broken connection, until it is acknowledged. */
    private Acknowledged write(ServiceUnderTest service, String token, String ccg, String marker) throws Exception {
        return retried(service, token, ccg, "fault-" + marker, marker);
    }

    private Acknowledged retried(ServiceUnderTest service, String token, String ccg, String key, String marker)
            throws Exception {
        String path = "/api/v1/ccgs/" + ccg + "/transfer/items";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            HttpResponse<String> answer;
            try {
                answer = post(service, token, path, key, item(marker));
            } catch (IOException broken) {
                interim.add("connection " + broken.getClass().getSimpleName());
                pause(deadline, key);
                continue;
            }
            if (answer.statusCode() == 200) {
                JsonNode body = Http.JSON.readTree(answer.body());
                return new Acknowledged(key, ccg, body.get("itemId").asText(), "fault " + marker);
            }
            if (answer.statusCode() == 503) {
                JsonNode problem = Http.JSON.readTree(answer.body());
                interim.add("503 " + problem.path("code").asText() + " retry-after="
                        + answer.headers().firstValue("Retry-After").orElse("none"));
                pause(deadline, key);
                continue;
            }
            interim.add(answer.statusCode() + " " + answer.body());
            throw new AssertionError("write " + key + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static void pause(long deadline, String key) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new AssertionError("write " + key + " was never acknowledged");
        }
        Thread.sleep(250);
    }

    private static Map<String, Object> item(String marker) {
        return Map.of("kind", "ASSET", "description", "fault " + marker, "valuePence", 1000L);
    }

    private HttpResponse<String> post(ServiceUnderTest service, String token, String path, String key, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.url().resolve(path))
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

    private HttpResponse<String> get(ServiceUnderTest service, String token, String path)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(service.url().resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(ServiceUnderTest service, String path) {
        try {
            return get(service, null, path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String token(ServiceUnderTest service, String sub, String role, List<String> ics) {
        return new Http(service.url()).token(sub, List.of(role), ics);
    }

    // ---------------------------------------------------------------- what was stored

    private static void assertEveryAcknowledgedWriteStoredOnce(
            ServiceUnderTest service, List<Acknowledged> acknowledged) throws Exception {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        acknowledged.forEach(a ->
                assertThat(keys.add(a.key())).as("one acknowledgement per key").isTrue());
        try (Connection connection = DriverManager.getConnection(service.jdbcUrl())) {
            for (Acknowledged write : acknowledged) {
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type LIKE '%TransferItemAdded'
                           AND strpos(convert_from(payload, 'UTF8'), ?) > 0""")) {
                    statement.setString(1, write.ccg());
                    statement.setString(2, "\"" + write.description() + "\"");
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        assertThat(rows.getLong(1)).as("events of %s", write).isEqualTo(1);
                    }
                }
            }
            for (String ccg :
                    acknowledged.stream().map(Acknowledged::ccg).distinct().toList()) {
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT count(*), max(sequence_number) - min(sequence_number) + 1 FROM domain_event_entry
                         WHERE aggregate_identifier = ?""")) {
                    statement.setString(1, ccg);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        assertThat(rows.getLong(1))
                                .as("%s's history has no gap", ccg)
                                .isEqualTo(rows.getLong(2));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- the faults

    private static ServiceUnderTest start(String name, List<String> arguments) throws Exception {
        Settings settings = Settings.smoke(JAR, WORK.resolve(name));
        Files.createDirectories(WORK.resolve(name));
        return ServiceUnderTest.start(settings, WORK.resolve(name), Map.of(), arguments, Duration.ofMinutes(3));
    }

    private static long postmasterPid(ServiceUnderTest service) {
        try {
            return Long.parseLong(Files.readAllLines(service.dataDir().resolve("postgres/postmaster.pid"))
                    .get(0)
                    .strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static ProcessHandle postmaster(ServiceUnderTest service) {
        return ProcessHandle.of(postmasterPid(service)).orElseThrow();
    }

    private static List<ProcessHandle> postgresProcesses(ServiceUnderTest service) {
        ProcessHandle postmaster = postmaster(service);
        return Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s", signal).isZero();
    }

    private static void awaitTrue(String what, Duration patience, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String summary(List<String> answers) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        answers.forEach(a -> counts.merge(a.length() > 60 ? a.substring(0, 60) : a, 1L, Long::sum));
        return counts.toString();
    }
}
