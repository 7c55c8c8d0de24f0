package uk.nhs.ics.transition.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.nhs.ics.transition.app.IcsTransitionApplication;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.audit.ledger.AuditLedger;

/**
 * The ledger says when it cannot vouch for the trail: when it has fallen behind the event store beyond its limits, and
 * when the store holds events the service did not write (inserted by someone with only INSERT on the table, or by a
 * superuser, attributed to anyone). Such events are still recorded as the store holds them, and reported.
 *
 * <p>This forges events for good, so it runs on a store of its own (its own context), with small limits: at most 5
 * events or 2 seconds behind.
 */
@SpringBootTest(
        classes = IcsTransitionApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ics.database.durable=false",
            "ics.web.rate-limit.per-second=100000",
            "ics.audit.ledger.max-pending-events=5",
            "ics.audit.ledger.max-pending-wait=2s"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerTrustTest {

    private static final Path DATA_DIR = dataDirectory();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    private Api api;
    private String auditor;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("ics.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
        auditor = api.auditor();
    }

    @Test
    @Order(1)
    void a_ledger_behind_the_store_beyond_its_limits_is_down_in_health_and_not_verified() {
        waitFor(
                "the ledger to catch up with start-up",
                () -> verify().get("pending").asLong() == 0);
        // the health is polled every second, so it follows the ledger a moment later
        waitFor("the ledger's health to say so", () -> ledgerHealth().status() == 200);
        EventProcessor ledger = processing.eventProcessor(AuditLedger.NAME).orElseThrow();
        ledger.shutDown();
        try {
            String manager = api.programmeManager("QKS");
            for (int i = 0; i < 7; i++) {
                Api.Response added = api.post("/api/v1/ccgs/91Q/transfer/items")
                        .token(manager)
                        .json(Map.of("kind", "ASSET", "description", "desk " + i, "valuePence", 100))
                        .send();
                assertThat(added.status()).as("%s", added).isEqualTo(200);
            }

            // health is polled every second: it says so at its next check
            waitFor(
                    "the ledger's health to say it is behind",
                    () -> ledgerHealth().status() == 503);
            Api.Response health = ledgerHealth();
            assertThat(health.json()
                            .get("components")
                            .get("auditLedger")
                            .get("details")
                            .get("pendingEvents")
                            .asLong())
                    .isGreaterThanOrEqualTo(7);
            JsonNode verification = verify();
            assertThat(verification.get("verified").asBoolean())
                    .as("%s", verification)
                    .isFalse();
            assertThat(verification.get("problem").asText()).contains("behind the event store");
            assertThat(verification.get("pending").asLong()).isGreaterThanOrEqualTo(7);
            assertThat(api.get("/actuator/health/readiness").send().status())
                    .as("a ledger behind does not take the service out of service")
                    .isEqualTo(200);
        } finally {
            ledger.start();
        }
        waitFor("the ledger to catch up", () -> verify().get("pending").asLong() == 0);
        assertThat(verify().get("verified").asBoolean()).isTrue();
        waitFor("the ledger's health to recover", () -> ledgerHealth().status() == 200);
    }

    @Test
    @Order(2)
    void events_the_service_did_not_write_are_recorded_as_stored_and_reported_as_forged() {
        long next = jdbc.sql(
                        "SELECT max(sequence_number) + 1 FROM domain_event_entry WHERE aggregate_identifier = 'QKS'")
                .query(Long.class)
                .single();
        String unsealed = forge(next, null);
        // sealed with the service's own key id (a key generated on the day the store was made), but a wrong value
        String keyId = jdbc.sql("SELECT split_part(seal, '.', 1) FROM domain_event_entry WHERE seal IS NOT NULL"
                        + " ORDER BY global_index LIMIT 1")
                .query(String.class)
                .single();
        String badlySealed = forge(next + 1, keyId + "." + "ab".repeat(32));

        waitFor("the ledger to record both", () -> verify().get("pending").asLong() == 0);
        JsonNode verification = verify();
        assertThat(verification.get("verified").asBoolean())
                .as("%s", verification)
                .isFalse();
        assertThat(verification.get("forgedCount").asLong()).isEqualTo(2);
        assertThat(StreamSupport.stream(verification.get("forged").spliterator(), false)
                        .map(f -> f.get("eventIdentifier").asText() + " "
                                + f.get("seal").asText())
                        .toList())
                .containsExactlyInAnyOrder(unsealed + " UNSEALED", badlySealed + " FORGED");
        assertThat(verification.get("problem").asText()).contains("not written by this service");

        JsonNode trail = api.get("/api/v1/audit/events?ics=QKS&actor=national&size=500")
                .token(auditor)
                .send()
                .json();
        assertThat(StreamSupport.stream(trail.get("items").spliterator(), false)
                        .filter(e -> List.of(unsealed, badlySealed)
                                .contains(e.get("eventIdentifier").asText()))
                        .map(e -> e.get("seal").asText()))
                .as("recorded as the store holds them, attributed as forged, with what their seal showed")
                .containsExactlyInAnyOrder("UNSEALED", "FORGED");
        waitFor(
                "the ledger's health to report them",
                () -> ledgerHealth().status() == 503
                        && ledgerHealth()
                                        .json()
                                        .path("components")
                                        .path("auditLedger")
                                        .path("details")
                                        .path("forgedEvents")
                                        .asLong()
                                == 2);
        Api.Response health = ledgerHealth();
        assertThat(health.json()
                        .get("components")
                        .get("auditLedger")
                        .get("details")
                        .get("forgedEvents")
                        .asLong())
                .isEqualTo(2);
        String metrics = api.get("/actuator/prometheus").token(auditor).send().body();
        assertThat(metrics).contains("ics_ledger_forged_events_total 2.0");
    }

    /** Inserts an event as someone with INSERT on the table would: attributed to the national team, sealed or not. */
    private String forge(long sequence, String seal) {
        String identifier = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                        time_stamp, payload_type, payload_revision, payload,
                                                        meta_data, seal)
                        VALUES (:id, 'QKS', :sequence, 'IcsTransition', :timestamp,
                                'uk.nhs.ics.transition.messages.ics.MilestoneStarted', '1', :payload, :metaData, :seal)""")
                .param("id", identifier)
                .param("sequence", sequence)
                .param("timestamp", Instant.now().toString())
                .param("payload", bytes("{\"icsCode\":\"QKS\",\"milestone\":\"EST-COMMITTEES\",\"derived\":false}"))
                .param("metaData", bytes("{\"actor\":\"national\",\"actorRole\":\"NATIONAL_PROGRAMME\"}"))
                .param("seal", seal)
                .update();
        return identifier;
    }

    private JsonNode verify() {
        Api.Response response = api.get("/api/v1/audit/verify").token(auditor).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    /** The ledger's health group, with its details (shown to operators' tokens). */
    private Api.Response ledgerHealth() {
        return api.get("/actuator/health/ledger").token(auditor).send();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        await(what)
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    private static Path dataDirectory() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "ledger-trust-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
