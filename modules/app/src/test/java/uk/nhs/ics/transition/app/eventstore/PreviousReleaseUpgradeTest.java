package uk.nhs.ics.transition.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.app.IcsTransitionApplication;
import uk.nhs.ics.transition.app.database.EmbeddedPostgresServer;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.StoreDump;

/**
 * A store written by the first release, through Axon's JPA engine, upgrades in place: this release (Axon's JDBC engine)
 * reads every event, the snapshot, every processor's token, the dead letter, the idempotency keys and the ledger as
 * they were.
 *
 * <p>The fixture {@code fixtures/previous-release-store.copy.gz} was written by {@code PreviousReleaseStoreWriter} at
 * commit c9b511f (the last JPA release), with the migrations up to V6; see {@link StoreDump} for its format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviousReleaseUpgradeTest {

    private static final int FIXTURE_EVENTS = 732;

    @TempDir
    static Path dataDir;

    private Map<String, Long> loaded;
    private List<String> fixtureEventIds;
    private Map<String, Long> fixtureTokens;

    @BeforeAll
    void load_the_previous_release_store() throws Exception {
        EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0, "ics_transition", false);
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/previous-release-store.copy.gz")) {
            Flyway.configure()
                    .dataSource(server.dataSource())
                    .locations("classpath:db/migration")
                    .target("6")
                    .load()
                    .migrate();
            loaded = StoreDump.load(server.dataSource(), fixture);
            JdbcClient jdbc = JdbcClient.create(server.dataSource());
            fixtureEventIds = eventIds(jdbc);
            fixtureTokens = tokenPositions(jdbc);
        } finally {
            server.close();
        }
    }

    @Test
    void every_event_token_and_dead_letter_of_the_previous_release_is_read_unchanged() {
        assertThat(loaded)
                .containsEntry("public.domain_event_entry", (long) FIXTURE_EVENTS)
                .containsEntry("public.audit_ledger", (long) FIXTURE_EVENTS)
                .containsEntry("public.snapshot_event_entry", 1L)
                .containsEntry("public.dead_letter_entry", 1L)
                .containsEntry("public.token_entry", 16L);

        try (ConfigurableApplicationContext service = start()) {
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            Api api = new Api(
                    ((WebServerApplicationContext) service).getWebServer().getPort());
            String national = api.nationalTeam();

            assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                            .query(String.class)
                            .list())
                    .as("the upgrade migrates in place")
                    .contains("6", "7");

            // every event, read back through the new storage engine, in the order it was stored
            List<String> streamed = readAll(service.getBean(EventStore.class));
            assertThat(streamed.subList(0, FIXTURE_EVENTS)).isEqualTo(fixtureEventIds);

            // the processors resume from their tokens: no replay, nothing handled twice
            waitFor("every processor to be running and caught up", () -> {
                JsonNode projections = ok(api.get("/api/v1/admin/projections")
                                .token(national)
                                .send())
                        .json();
                return StreamSupport.stream(projections.spliterator(), false)
                        .allMatch(p -> p.get("lag").asLong() == 0
                                && !p.get("replaying").asBoolean());
            });
            Map<String, Long> tokens = tokenPositions(jdbc);
            assertThat(tokens.keySet()).containsAll(fixtureTokens.keySet());
            assertThat(tokens.keySet().stream().filter(segment -> !fixtureTokens.containsKey(segment)))
                    .as("only the processors added since (the approvals read model) start anew")
                    .containsExactlyInAnyOrder("approvals/0", "approvals/1");
            fixtureTokens.forEach((segment, position) ->
                    assertThat(tokens.get(segment)).as(segment).isGreaterThanOrEqualTo(position));
            assertThat(jdbc.sql("SELECT count(*) FROM milestone_state WHERE ics_code = 'QKS' AND valid_to IS NULL")
                            .query(Long.class)
                            .single())
                    .as("one current row per milestone, not two")
                    .isEqualTo(29);

            // the dead letter the JPA queue stored, listed and retried by the JDBC queue
            JsonNode letters = ok(api.get("/api/v1/admin/projections/milestones/dead-letters")
                            .token(national)
                            .send())
                    .json();
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).get("aggregate").asText()).isEqualTo("QHM");
            assertThat(letters.get(0).get("eventType").asText()).isEqualTo("MilestoneStarted");
            assertThat(letters.get(0).get("causeMessage").asText()).contains("fixture_refuses_qhm");
            assertThat(letters.get(0).get("enqueuedAt").asText()).startsWith("20");
            JsonNode retried = ok(api.post("/api/v1/admin/projections/milestones/dead-letters/retry")
                            .token(national)
                            .send())
                    .json();
            assertThat(retried.get("remaining").asLong()).isZero();
            assertThat(jdbc.sql("SELECT status FROM milestone_state WHERE ics_code = 'QHM'"
                                    + " AND milestone = 'Q1-TRANSITION-PLAN' AND valid_to IS NULL")
                            .query(String.class)
                            .single())
                    .isEqualTo("IN_PROGRESS");

            // an idempotency key the first release recorded still answers its request
            String kent = api.programmeManager("QKS");
            Api.Response replayed = api.post("/api/v1/ccgs/91Q/transfer/items")
                    .token(kent)
                    .header("Idempotency-Key", "fixture-item-5")
                    .json(Map.of("kind", "ASSET", "description", "Asset 5", "valuePence", 5000L))
                    .send();
            assertThat(replayed.status()).as("%s", replayed).isEqualTo(200);
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replayed.json().get("itemId").asText()).isEqualTo("T-5");

            // the scheme's aggregate loads from the snapshot and its events, and takes the next item
            long before = jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier"
                            + " = '91Q'")
                    .query(Long.class)
                    .single();
            Api.Response added = ok(api.post("/api/v1/ccgs/91Q/transfer/items")
                    .token(kent)
                    .json(Map.of("kind", "ASSET", "description", "Asset 261", "valuePence", 261_000L))
                    .send());
            assertThat(added.json().get("itemId").asText()).isEqualTo("T-261");
            assertThat(added.json().get("version").asLong()).isEqualTo(before + 1);

            // the ledger chains the new events after the old ones, and the whole chain verifies
            waitFor(
                    "the ledger to reach the new event",
                    () -> ok(api.get("/api/v1/audit/verify").token(national).send())
                                    .json()
                                    .get("pending")
                                    .asLong()
                            == 0);
            JsonNode verification =
                    ok(api.get("/api/v1/audit/verify").token(national).send()).json();
            assertThat(verification.get("verified").asBoolean())
                    .as("%s", verification)
                    .isTrue();
            assertThat(verification.get("events").asLong()).isGreaterThan(FIXTURE_EVENTS);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IcsTransitionApplication.class)
                .run(
                        "--ics.data-dir=" + dataDir,
                        "--ics.database.durable=false",
                        // this is about the upgrade: its operator retries a dead letter alone (four eyes: ADR 0025)
                        "--ics.four-eyes.actions=NONE",
                        "--server.port=0",
                        "--spring.jmx.enabled=false");
    }

    private static List<String> readAll(EventStore eventStore) {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            List<String> ids = new java.util.ArrayList<>();
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                assertThat(event.getPayload())
                        .as("payload of " + event.getIdentifier())
                        .isNotNull();
                ids.add(event.getIdentifier());
            }
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> eventIds(JdbcClient jdbc) {
        return jdbc.sql("SELECT event_identifier FROM domain_event_entry ORDER BY global_index")
                .query(String.class)
                .list();
    }

    private static Map<String, Long> tokenPositions(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT processor_name || '/' || segment,
                               coalesce((convert_from(token, 'UTF8')::jsonb #>> '{tokenType,index}')::bigint,
                                        (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1)
                          FROM token_entry""").query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        await(what)
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
