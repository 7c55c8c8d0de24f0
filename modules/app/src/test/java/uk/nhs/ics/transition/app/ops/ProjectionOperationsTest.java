package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;

/**
 * The operations endpoints: where each projection stands, replays that rebuild a read model from the start of history
 * while the service keeps answering (without firing any side effect again), and dead letters.
 *
 * <p>The dead-letter test records events of two fictional ICSs (QZX, QZY) that no read of a real ICS shows.
 */
class ProjectionOperationsTest extends EndToEndTest {

    private static final List<String> READ_MODELS = List.of(
            "board", "constitution", "due-diligence", "milestones", "programme", "reference-data", "transfer-schemes");

    /**
     * What the milestones read model holds for the ICSs that have events, every version of every row, as one
     * fingerprint. Only the programme's ICSs count: other tests write rows of a fictional ICS straight into the
     * table with no event behind them, or skip a fictional ICS's dead letter, which a replay then handles.
     */
    private static final String MILESTONES_FINGERPRINT = """
            SELECT count(*) || ':' || coalesce(md5(string_agg(
                       concat_ws('|', ics_code, milestone, status, completed_on, evidence::text, at_risk_reason, note,
                                 valid_from, valid_to, version),
                       ',' ORDER BY ics_code, milestone, version)), '')
              FROM milestone_state
             WHERE ics_code IN (SELECT ics_code FROM ics_view)""";

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private DataSource dataSource;

    @Test
    void each_processor_shows_its_position_lag_replay_state_and_progress() {
        eventually("every processor has caught up", Duration.ofSeconds(30), () -> projections().stream()
                .allMatch(p -> p.get("lag").asLong() == 0));

        List<JsonNode> projections = projections();

        assertThat(projections)
                .extracting(p -> p.get("name").asText())
                .containsAll(READ_MODELS)
                .contains("relays", "audit-ledger");
        assertThat(projections).allSatisfy(p -> {
            assertThat(p.get("running").asBoolean()).as("%s", p).isTrue();
            assertThat(p.get("replaying").asBoolean()).isFalse();
            assertThat(p.get("progressPercent").asDouble()).isEqualTo(100.0);
            assertThat(p.get("position").asLong()).isEqualTo(p.get("head").asLong());
        });
        assertThat(projections)
                .filteredOn(p -> READ_MODELS.contains(p.get("name").asText()))
                .allSatisfy(p -> assertThat(p.get("kind").asText()).isEqualTo("PROJECTION"));
    }

    @Test
    void a_replay_rebuilds_the_read_model_to_100_percent_while_the_service_answers_and_repeats_no_side_effect()
            throws Exception {
        eventually(
                "the milestones have caught up",
                Duration.ofSeconds(30),
                () -> status("milestones").get("lag").asLong() == 0);
        String before = fingerprint();
        long events = count("domain_event_entry");
        Api.Response shownBefore = milestonesOfKentAndMedway();
        Api.Response refusedToManager = api.post("/api/v1/admin/projections/milestones/replay")
                .token(api.programmeManager("QKS"))
                .send();
        Api.Response refusedToAuditor = api.post("/api/v1/admin/projections/milestones/replay")
                .token(api.auditor())
                .send();
        assertThat(refusedToManager.status()).isEqualTo(403);
        assertThat(refusedToAuditor.status()).isEqualTo(403);

        // hold the replay at its start: emptying the table waits for this reader to finish
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.executeQuery("SELECT 1 FROM milestone_state LIMIT 1").close();
            }
            Api.Response started = api.post("/api/v1/admin/projections/milestones/replay")
                    .token(api.nationalTeam())
                    .send();
            assertThat(started.status()).as("%s", started).isEqualTo(202);
            eventually("reads answer from the copy", Duration.ofSeconds(30), () -> status("milestones")
                    .get("readsFromSnapshot")
                    .asBoolean());
            JsonNode replaying = status("milestones");
            assertThat(replaying.get("replaying").asBoolean()).isTrue();

            Api.Response shownMeanwhile = milestonesOfKentAndMedway();
            assertThat(shownMeanwhile.status()).isEqualTo(200);
            assertThat(shownMeanwhile.json()).isEqualTo(shownBefore.json());
            assertThat(shownMeanwhile.header("ETag")).isEqualTo(shownBefore.header("ETag"));
            assertThat(api.get("/api/v1/regions/Y59/readiness")
                            .token(api.auditor())
                            .send()
                            .status())
                    .isEqualTo(200);
            reader.rollback();
        }

        List<Double> progressSeen = new ArrayList<>();
        eventually("the replay finishes", Duration.ofSeconds(60), () -> {
            JsonNode status = status("milestones");
            progressSeen.add(status.get("progressPercent").asDouble());
            return !status.get("replaying").asBoolean()
                    && !status.get("readsFromSnapshot").asBoolean()
                    && status.get("running").asBoolean()
                    && status.get("progressPercent").asDouble() == 100.0
                    && status.get("lag").asLong() == 0;
        });

        assertThat(progressSeen).allSatisfy(p -> assertThat(p).isBetween(0.0, 100.0));
        assertThat(fingerprint()).as("the rebuilt read model").isEqualTo(before);
        assertThat(milestonesOfKentAndMedway().json()).isEqualTo(shownBefore.json());
        assertThat(count("domain_event_entry"))
                .as("no relay fired again: no event was recorded")
                .isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM replay_snapshot.snapshot")
                        .query(Long.class)
                        .single())
                .as("the copy is dropped")
                .isZero();
        String metrics =
                api.get("/actuator/prometheus").token(api.nationalTeam()).send().body();
        assertThat(metrics)
                .contains("ics_projection_replay_progress_percent{processor=\"milestones\"} 100.0")
                .contains("ics_projection_replaying{processor=\"milestones\"} 0.0")
                .contains("ics_projection_lag_events{processor=\"audit-ledger\"}");
    }

    @Test
    void a_replay_acknowledged_by_a_node_that_died_before_beginning_it_is_carried_out_and_a_second_request_waits()
            throws Exception {
        eventually(
                "the board has caught up",
                Duration.ofSeconds(30),
                () -> status("board").get("lag").asLong() == 0);
        String boardBefore = jdbc.sql("SELECT md5(string_agg(b::text, ',' ORDER BY b::text)) FROM board_seat b")
                .query(String.class)
                .single();

        // what a node leaves behind when it is killed just after answering 202: the request, and nothing else
        long id;
        try (Connection reader = dataSource.getConnection()) {
            // hold the replay at its start (emptying the table waits for this reader), so the request is seen open
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.executeQuery("SELECT 1 FROM board_seat LIMIT 1").close();
            }
            id = jdbc.sql("INSERT INTO projection_replay (projection, requested_by, request_id)"
                            + " VALUES ('board', 'an operator', 'req-of-a-dead-node') RETURNING id")
                    .query(Long.class)
                    .single();

            Api.Response second = api.post("/api/v1/admin/projections/board/replay")
                    .token(api.nationalTeam())
                    .send();
            assertThat(second.status()).as("%s", second).isEqualTo(409);
            assertThat(second.json().get("code").asText()).isEqualTo("REPLAY_IN_PROGRESS");
            assertThat(status("board").get("replaying").asBoolean()).isTrue();
            reader.rollback();
        }

        eventually("the replay is carried out and catches up", Duration.ofSeconds(60), () -> "CAUGHT_UP"
                .equals(jdbc.sql("SELECT state FROM projection_replay WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single()));
        eventually("the board answers from its rebuilt tables", Duration.ofSeconds(30), () -> {
            JsonNode board = status("board");
            return board.get("running").asBoolean()
                    && !board.get("replaying").asBoolean()
                    && !board.get("readsFromSnapshot").asBoolean();
        });
        assertThat(jdbc.sql("SELECT md5(string_agg(b::text, ',' ORDER BY b::text)) FROM board_seat b")
                        .query(String.class)
                        .single())
                .as("the rebuilt board")
                .isEqualTo(boardBefore);
        assertThat(jdbc.sql("SELECT started_by FROM projection_replay WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isNotBlank();
    }

    private Api.Response milestonesOfKentAndMedway() {
        Api.Response response = api.get("/api/v1/systems/QKS/milestones?size=500&at=2021-09-30")
                .token(api.auditor())
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }

    @Test
    void relays_and_the_ledger_are_never_replayed_and_an_unknown_projection_is_not_found() {
        String national = api.nationalTeam();

        for (String name : List.of("relays", "audit-ledger")) {
            Api.Response refused = api.post("/api/v1/admin/projections/" + name + "/replay")
                    .token(national)
                    .send();
            assertThat(refused.status()).as("%s: %s", name, refused).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        Api.Response unknown = api.post("/api/v1/admin/projections/no-such-thing/replay")
                .token(national)
                .send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/projections/no-such-thing")
                        .token(national)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void an_event_a_projection_cannot_handle_is_dead_lettered_with_its_cause_and_the_projection_moves_on() {
        jdbc.sql("ALTER TABLE milestone_state ADD CONSTRAINT test_refuses_qzx CHECK (ics_code <> 'QZX') NOT VALID")
                .update();
        try {
            publish("QZX");
            publish("QZY");

            eventually("the event is dead-lettered", Duration.ofSeconds(30), () -> !deadLetters()
                    .isEmpty());
            eventually(
                    "the projection moved on past it",
                    Duration.ofSeconds(30),
                    () -> jdbc.sql("SELECT count(*) FROM milestone_state WHERE ics_code = 'QZY'")
                                    .query(Long.class)
                                    .single()
                            == 1);
            JsonNode letter = deadLetters().get(0);
            assertThat(letter.get("eventType").asText()).isEqualTo("MilestoneStarted");
            assertThat(letter.get("aggregate").asText()).isEqualTo("QZX");
            assertThat(letter.get("causeMessage").asText()).contains("test_refuses_qzx");
            assertThat(status("milestones").get("deadLetters").asLong()).isEqualTo(1);

            Api.Response refused = api.post("/api/v1/admin/projections/milestones/dead-letters/retry")
                    .token(api.auditor())
                    .send();
            assertThat(refused.status()).isEqualTo(403);
        } finally {
            jdbc.sql("ALTER TABLE milestone_state DROP CONSTRAINT IF EXISTS test_refuses_qzx")
                    .update();
        }

        Api.Response retried = api.post("/api/v1/admin/projections/milestones/dead-letters/retry")
                .token(api.nationalTeam())
                .send();

        assertThat(retried.status()).as("%s", retried).isEqualTo(200);
        assertThat(retried.json().get("remaining").asLong()).isZero();
        assertThat(deadLetters()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM milestone_state WHERE ics_code = 'QZX'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_dead_letter_that_keeps_failing_says_so_and_an_operator_can_skip_it_with_who_and_why() {
        jdbc.sql("ALTER TABLE milestone_state ADD CONSTRAINT test_refuses_qzw CHECK (ics_code <> 'QZW') NOT VALID")
                .update();
        String national = api.nationalTeam();
        try {
            publish("QZW", 0, MilestoneCode.Q1_SDP_UPDATED);
            publish("QZW", 1, MilestoneCode.Q1_TRANSITION_PLAN);
            eventually(
                    "both events are dead-lettered, the second parked behind the first",
                    Duration.ofSeconds(30),
                    () -> lettersOf("QZW").size() == 2);
            JsonNode first = lettersOf("QZW").get(0);
            assertThat(first.get("aggregateVersion").asLong()).isZero();
            assertThat(first.get("failedAttempts").asInt()).isEqualTo(1);
            assertThat(first.get("parkedBehind").asInt()).isEqualTo(1);

            api.post("/api/v1/admin/projections/milestones/dead-letters/retry")
                    .token(national)
                    .send();
            assertThat(lettersOf("QZW").get(0).get("failedAttempts").asInt())
                    .as("a retry that fails again is counted")
                    .isEqualTo(2);

            String path = "/api/v1/admin/projections/milestones/dead-letters/"
                    + first.get("eventIdentifier").asText() + "/skip";
            assertThat(api.post(path).token(national).json(Map.of()).send().status())
                    .as("a skip needs a reason")
                    .isEqualTo(422);
            assertThat(api.post(path)
                            .token(api.auditor())
                            .json(Map.of("reason", "x"))
                            .send()
                            .status())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/admin/projections/milestones/dead-letters/no-such-event/skip")
                            .token(national)
                            .json(Map.of("reason", "x"))
                            .send()
                            .status())
                    .isEqualTo(404);

            Api.Response skipped = api.post(path)
                    .token(national)
                    .json(Map.of("reason", "an event recorded against an ICS that does not exist"))
                    .send();
            assertThat(skipped.status()).as("%s", skipped).isEqualTo(200);
            assertThat(skipped.json().get("skipped").get("eventIdentifier").asText())
                    .isEqualTo(first.get("eventIdentifier").asText());
            assertThat(lettersOf("QZW")).hasSize(1);
        } finally {
            jdbc.sql("ALTER TABLE milestone_state DROP CONSTRAINT IF EXISTS test_refuses_qzw")
                    .update();
        }

        api.post("/api/v1/admin/projections/milestones/dead-letters/retry")
                .token(national)
                .send();
        assertThat(lettersOf("QZW"))
                .as("the event parked behind is handled now")
                .isEmpty();
        assertThat(jdbc.sql("SELECT milestone FROM milestone_state WHERE ics_code = 'QZW'")
                        .query(String.class)
                        .list())
                .containsExactly("Q1-TRANSITION-PLAN");
        eventually("the skip is in the audit trail", () -> {
            JsonNode trail = api.get("/api/v1/audit/events?type=DeadLetterSkipped&size=500")
                    .token(api.auditor())
                    .send()
                    .json();
            return StreamSupport.stream(trail.get("items").spliterator(), false)
                    .anyMatch(e -> e.get("actor").asText().equals("national")
                            && e.get("actorRole").asText().equals("NATIONAL_PROGRAMME")
                            && e.get("reason").asText().startsWith("an event recorded against"));
        });
    }

    private List<JsonNode> lettersOf(String aggregate) {
        return deadLetters().stream()
                .filter(letter -> aggregate.equals(letter.path("aggregate").asText()))
                .sorted(java.util.Comparator.comparingLong(
                        letter -> letter.get("aggregateVersion").asLong()))
                .toList();
    }

    private void publish(String ics, long sequence, MilestoneCode milestone) {
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                "IcsTransition", ics, sequence, new MilestoneStarted(IcsCode.of(ics), milestone, false))));
    }

    // ---------------------------------------------------------------- helpers

    private void publish(String ics) {
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                "IcsTransition", ics, 0, new MilestoneStarted(IcsCode.of(ics), MilestoneCode.Q1_SDP_UPDATED, false))));
    }

    private List<JsonNode> deadLetters() {
        Api.Response response = api.get("/api/v1/admin/projections/milestones/dead-letters")
                .token(api.auditor())
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private List<JsonNode> projections() {
        Api.Response response =
                api.get("/api/v1/admin/projections").token(api.auditor()).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private JsonNode status(String name) {
        Api.Response response = api.get("/api/v1/admin/projections/" + name)
                .token(api.auditor())
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private String fingerprint() {
        return jdbc.sql(MILESTONES_FINGERPRINT).query(String.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
