package uk.nhs.ics.transition.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;

/**
 * The audit trail, end to end: who made each change, in which role, from where, why and for which request; a trail an
 * auditor can filter, page and export; a history that reads as sentences; immutability the database enforces; and a
 * hash chain that catches an event edited behind the service's back.
 *
 * <p>Works on Cambridgeshire and Peterborough (QUE, region Y61) and nothing else.
 */
class AuditTrailTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ICS = "QUE";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private Cache aggregateCache;

    @Test
    void a_change_records_who_made_it_in_which_role_from_where_why_and_for_which_request() {
        String requestId = "audit-" + UUID.randomUUID();
        start("Q1-SDP-UPDATED");
        Api.Response answer = api.post("/api/v1/systems/QUE/milestones/Q1-SDP-UPDATED/at-risk")
                .token(api.programmeManager(ICS))
                .header("X-Request-Id", requestId)
                .json(Map.of("reason", "Board papers are late"))
                .send();
        assertThat(answer.status()).as("%s", answer).isBetween(200, 202);
        assertThat(answer.header("X-Request-Id")).as("the caller's id, echoed").isEqualTo(requestId);
        String correlationId = answer.header("X-Correlation-Id");
        assertThat(correlationId)
                .as("the service's own correlation id, which no caller chooses")
                .isNotBlank()
                .isNotEqualTo(requestId);
        long version = answer.json().get("version").asLong();

        JsonNode entry = awaitEntry("correlationId", correlationId);

        assertThat(entry.get("type").asText()).isEqualTo("MilestoneFlaggedAtRisk");
        assertThat(entry.get("aggregate").asText()).isEqualTo(ICS);
        assertThat(entry.get("aggregateVersion").asLong()).isEqualTo(version);
        assertThat(entry.get("actor").asText()).isEqualTo("pm-QUE");
        assertThat(entry.get("actorName").asText()).isEqualTo("pm-QUE (test)");
        assertThat(entry.get("actorRole").asText()).isEqualTo("PROGRAMME_MANAGER");
        assertThat(entry.get("reason").asText()).isEqualTo("Board papers are late");
        assertThat(entry.get("clientAddress").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(entry.get("causationId").asText()).isNotBlank();
        assertThat(entry.get("payload").get("milestone").asText()).isEqualTo("Q1-SDP-UPDATED");
        assertThat(entry.get("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(entry.get("previousHash").asText()).matches("[0-9a-f]{64}");

        // and the event itself carries the same facts in its metadata, whatever reads it
        Map<String, Object> metaData = jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' AS actor,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'actorRole' AS role,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' AS correlation,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'clientRequestId' AS client_request,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'reason' AS reason
                          FROM domain_event_entry WHERE event_identifier = :id""")
                .param("id", entry.get("eventIdentifier").asText())
                .query()
                .singleRow();
        assertThat(metaData)
                .containsEntry("actor", "pm-QUE")
                .containsEntry("role", "PROGRAMME_MANAGER")
                .containsEntry("correlation", correlationId)
                .containsEntry("client_request", requestId)
                .containsEntry("reason", "Board papers are late");
    }

    @Test
    void a_request_without_a_request_id_gets_one_and_its_events_carry_it() {
        Api.Response answer = api.post("/api/v1/systems/QUE/milestones/Q2-SUB-ICS-PLAN/start")
                .token(api.programmeManager(ICS))
                .send();
        assertThat(answer.status()).as("%s", answer).isBetween(200, 202);
        String generated = answer.header("X-Correlation-Id");
        assertThat(generated).isNotBlank();
        assertThat(answer.header("X-Request-Id")).as("nothing to echo").isNull();

        JsonNode entry = awaitEntry("correlationId", generated);

        assertThat(entry.get("type").asText()).isEqualTo("MilestoneStarted");
        assertThat(entry.get("reason").isNull()).isTrue();
    }

    @Test
    void what_the_service_records_by_itself_names_the_system_as_actor() {
        JsonNode opened = auditor("/api/v1/audit/events?ics=QUE&type=IcsTransitionOpened");

        assertThat(opened.get("totalItems").asLong()).isEqualTo(1);
        JsonNode entry = opened.get("items").get(0);
        assertThat(entry.get("actor").asText()).isEqualTo("system");
        assertThat(entry.get("actorRole").asText()).isEqualTo("SYSTEM");
        assertThat(entry.get("aggregateVersion").asLong()).isZero();
    }

    @Test
    void the_trail_is_filtered_by_ics_ccg_type_actor_and_time_and_paged_in_ledger_order() {
        Instant before = Instant.now();
        String token = api.programmeManager(ICS);
        for (String milestone : List.of("Q2-LEADERS-SUPPORTED", "Q3-IMPACTED-SUPPORTED")) {
            Api.Response answer = api.post("/api/v1/systems/QUE/milestones/" + milestone + "/start")
                    .token(token)
                    .send();
            assertThat(answer.status()).as("%s", answer).isBetween(200, 202);
        }
        String window =
                "&from=" + encode(before) + "&to=" + encode(Instant.now().plusSeconds(1));
        eventually(
                "both starts are in the trail",
                () -> auditor("/api/v1/audit/events?ics=QUE&type=MilestoneStarted" + window)
                                .get("totalItems")
                                .asLong()
                        == 2);

        JsonNode filtered = auditor("/api/v1/audit/events?ics=QUE&actor=pm-QUE&type=MilestoneStarted" + window);
        assertThat(filtered.get("items"))
                .extracting(e -> e.get("payload").get("milestone").asText())
                .containsExactly("Q2-LEADERS-SUPPORTED", "Q3-IMPACTED-SUPPORTED");

        JsonNode firstPage = auditor("/api/v1/audit/events?ics=QUE&size=1&page=0" + window);
        JsonNode secondPage = auditor("/api/v1/audit/events?ics=QUE&size=1&page=1" + window);
        assertThat(firstPage.get("totalItems").asLong()).isEqualTo(2);
        assertThat(secondPage.get("items").get(0).get("sequence").asLong())
                .isGreaterThan(firstPage.get("items").get(0).get("sequence").asLong());

        assertThat(auditor("/api/v1/audit/events?ics=QUE&actor=someone-else" + window)
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(auditor("/api/v1/audit/events?ics=QKS" + window).get("items"))
                .allSatisfy(e -> assertThat(e.get("icsCode").asText()).isEqualTo("QKS"));
        JsonNode ccg = auditor("/api/v1/audit/events?ccg=06H&type=CcgRegistered");
        assertThat(ccg.get("totalItems").asLong()).isEqualTo(1);
        assertThat(ccg.get("items").get(0).get("icsCode").asText()).isEqualTo(ICS);
    }

    @Test
    void the_trail_exports_as_newline_delimited_json_and_as_csv_with_the_same_entries() {
        String query = "/api/v1/audit/export?ics=QUE";
        Api.Response ndjson = api.get(query).token(api.auditor()).send();
        Api.Response csv =
                api.get(query).token(api.auditor()).header("Accept", "text/csv").send();

        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(ndjson.header("Content-Length")).as("streamed, not buffered").isNull();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.body().split("\n")) {
            lines.add(read(line));
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(e -> assertThat(e.get("icsCode").asText()).isEqualTo(ICS));
        assertThat(lines).extracting(e -> e.get("sequence").asLong()).isSorted().doesNotHaveDuplicates();

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).startsWith("\uFEFFsequence,globalIndex,eventIdentifier,occurredAt,type");
        assertThat(rows.length - 1)
                .as("one row per exported event (exports may grow between the two requests)")
                .isGreaterThanOrEqualTo(lines.size());
    }

    @Test
    void an_ics_history_reads_as_sentences_of_who_did_what_and_why() {
        start("Q2-MOU-DRAFTED");
        Api.Response answer = api.post("/api/v1/systems/QUE/milestones/Q2-MOU-DRAFTED/at-risk")
                .token(api.programmeManager(ICS))
                .json(Map.of("reason", "Waiting for the model constitution"))
                .send();
        assertThat(answer.status()).as("%s", answer).isBetween(200, 202);
        long version = answer.json().get("version").asLong();

        eventually("the change is in the history", () -> history("").stream()
                .anyMatch(e -> e.get("aggregateVersion").asLong() == version));

        List<JsonNode> history = history("");
        assertThat(history.get(0).get("summary").asText())
                .startsWith("Transition opened for ")
                .contains("by the service");
        assertThat(history).extracting(e -> e.get("sequence").asLong()).isSorted();
        assertThat(history)
                .filteredOn(e -> e.get("aggregateVersion").asLong() == version)
                .singleElement()
                .satisfies(e -> assertThat(e.get("summary").asText())
                        .isEqualTo("Q2-MOU-DRAFTED flagged at risk, by pm-QUE (test) (QUE programme manager):"
                                + " Waiting for the model constitution"));
    }

    @Test
    void the_database_refuses_to_change_or_remove_a_stored_event_or_ledger_entry_even_for_the_service() {
        long event = jdbc.sql("SELECT min(global_index) FROM domain_event_entry")
                .query(Long.class)
                .single();
        eventually(
                "the ledger has an entry",
                () -> jdbc.sql("SELECT count(*) FROM audit_ledger")
                                .query(Long.class)
                                .single()
                        > 0);

        assertThatThrownBy(() -> jdbc.sql("UPDATE domain_event_entry SET payload_type = 'x' WHERE global_index = :g")
                        .param("g", event)
                        .update())
                .rootCause()
                .hasMessageContaining("domain_event_entry is append-only: UPDATE is refused");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = :g")
                        .param("g", event)
                        .update())
                .rootCause()
                .hasMessageContaining("domain_event_entry is append-only: DELETE is refused");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE domain_event_entry CASCADE").update())
                .rootCause()
                .hasMessageContaining("append-only: TRUNCATE is refused");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_ledger SET reason = 'rewritten' WHERE sequence = 1")
                        .update())
                .rootCause()
                .hasMessageContaining("audit_ledger is append-only: UPDATE is refused");
        assertThatThrownBy(() ->
                        jdbc.sql("DELETE FROM audit_ledger WHERE sequence = 1").update())
                .rootCause()
                .hasMessageContaining("audit_ledger is append-only: DELETE is refused");
        assertThat(jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE global_index = :g")
                        .param("g", event)
                        .query(String.class)
                        .single())
                .isNotEqualTo("x");
    }

    @Test
    void verify_catches_an_event_edited_behind_the_services_back_and_names_it() throws Exception {
        start("Q3-SHADOW-READY");
        Api.Response answer = api.post("/api/v1/systems/QUE/milestones/Q3-SHADOW-READY/at-risk")
                .token(api.programmeManager(ICS))
                .json(Map.of("reason", "Shadow board not yet formed"))
                .send();
        assertThat(answer.status()).as("%s", answer).isBetween(200, 202);
        JsonNode entry = awaitEntry("correlationId", answer.header("X-Correlation-Id"));
        eventually(
                "the ledger has caught up",
                () -> auditor("/api/v1/audit/verify").get("pending").asLong() == 0);
        JsonNode verified = auditor("/api/v1/audit/verify");
        assertThat(verified.get("verified").asBoolean()).as("%s", verified).isTrue();
        assertThat(verified.get("events").asLong()).isPositive();
        assertThat(verified.get("head").asText()).matches("[0-9a-f]{64}");
        JsonNode digest = auditor("/api/v1/audit/digest");

        long globalIndex = entry.get("globalIndex").asLong();
        String original = "Shadow board not yet formed";
        tamper(globalIndex, original, "Shadow board formed");
        try {
            JsonNode caught = auditor("/api/v1/audit/verify");
            assertThat(caught.get("verified").asBoolean()).isFalse();
            assertThat(caught.get("firstBrokenSequence").asLong())
                    .isEqualTo(entry.get("sequence").asLong());
            assertThat(caught.get("eventIdentifier").asText())
                    .isEqualTo(entry.get("eventIdentifier").asText());
            assertThat(caught.get("globalIndex").asLong()).isEqualTo(globalIndex);
            assertThat(caught.get("problem").asText()).contains("changed after it was recorded");
            assertThat(caught.get("events").asLong())
                    .as("the chain holds up to the entry before")
                    .isEqualTo(entry.get("sequence").asLong() - 1);

            JsonNode againstDigest = auditor(
                    "/api/v1/audit/verify?digestEvents=" + digest.get("events").asLong() + "&digestHead="
                            + digest.get("head").asText());
            assertThat(againstDigest.get("verified").asBoolean()).isFalse();
        } finally {
            tamper(globalIndex, "Shadow board formed", original);
        }

        assertThat(auditor("/api/v1/audit/verify").get("verified").asBoolean()).isTrue();
        JsonNode againstDigest = auditor(
                "/api/v1/audit/verify?digestEvents=" + digest.get("events").asLong() + "&digestHead="
                        + digest.get("head").asText());
        assertThat(againstDigest.get("verified").asBoolean())
                .as("%s", againstDigest)
                .isTrue();
    }

    @Test
    void verify_against_a_digest_that_does_not_match_the_ledger_fails() {
        JsonNode digest = auditor("/api/v1/audit/digest");
        assertThat(digest.get("events").asLong()).isPositive();
        String forged = "0".repeat(64);

        JsonNode verified = auditor(
                "/api/v1/audit/verify?digestEvents=" + digest.get("events").asLong() + "&digestHead=" + forged);

        assertThat(verified.get("verified").asBoolean()).isFalse();
        assertThat(verified.get("problem").asText()).contains("no longer matches the digest");
    }

    @Test
    void a_digest_at_a_past_moment_is_the_head_the_ledger_had_then() {
        JsonNode beforeAnything = auditor("/api/v1/audit/digest?at=2000-01-01T00:00:00Z");
        JsonNode now = auditor("/api/v1/audit/digest");

        assertThat(beforeAnything.get("events").asLong()).isZero();
        assertThat(now.get("events").asLong()).isPositive();
        assertThat(now.get("statement").asText()).contains(now.get("head").asText());
    }

    @Test
    void a_filter_that_is_not_a_code_or_an_instant_is_refused_with_problem_details() {
        for (String query : List.of(
                "ics=" + encode("QUE' OR '1'='1"),
                "from=yesterday",
                "size=0",
                "page=-1",
                "type=" + encode("<script>"))) {
            Api.Response response = api.get("/api/v1/audit/events?" + query)
                    .token(api.auditor())
                    .send();
            assertThat(response.status()).as(query).isIn(400, 422);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("<script>").doesNotContain("Exception");
        }
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void verify_catches_a_ledger_column_rewritten_behind_the_services_back() throws Exception {
        start("EST-FUNCTIONS-MAP");
        Api.Response answer = api.post("/api/v1/systems/QUE/milestones/EST-FUNCTIONS-MAP/at-risk")
                .token(api.programmeManager(ICS))
                .json(Map.of("reason", "Consultation slipped"))
                .send();
        JsonNode entry = awaitEntry("correlationId", answer.header("X-Correlation-Id"));
        eventually(
                "the ledger has caught up",
                () -> auditor("/api/v1/audit/verify").get("pending").asLong() == 0);
        long sequence = entry.get("sequence").asLong();

        for (String column : List.of("actor", "actor_role", "reason", "client_address")) {
            String original = jdbc.sql("SELECT " + column + " FROM audit_ledger WHERE sequence = :s")
                    .param("s", sequence)
                    .query(String.class)
                    .single();
            rewriteLedger(sequence, column, "someone-else");
            try {
                JsonNode caught = auditor("/api/v1/audit/verify");
                assertThat(caught.get("verified").asBoolean()).as(column).isFalse();
                assertThat(caught.get("firstBrokenSequence").asLong()).isEqualTo(sequence);
                assertThat(caught.get("problem").asText()).contains(column.replace('_', ' '));
            } finally {
                rewriteLedger(sequence, column, original);
            }
        }
        assertThat(auditor("/api/v1/audit/verify").get("verified").asBoolean()).isTrue();
    }

    @Test
    void an_event_holding_text_postgresql_cannot_store_is_recorded_and_the_ledger_goes_on() {
        long next = jdbc.sql(
                        "SELECT max(sequence_number) + 1 FROM domain_event_entry WHERE aggregate_identifier = 'QUE'")
                .query(Long.class)
                .single();
        String identifier = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                        "IcsTransition",
                        "QUE",
                        next,
                        new MilestoneStarted(IcsCode.of(ICS), MilestoneCode.EST_VCSE_AGREEMENT, false),
                        Map.of(
                                MetadataKeys.ACTOR, "pm-\u0000QUE",
                                MetadataKeys.ACTOR_NAME, "Pat\ud800",
                                MetadataKeys.ACTOR_ROLE, "PROGRAMME_MANAGER"),
                        identifier,
                        Instant.now())
                .andMetaData(Map.of())));
        aggregateCache.remove("QUE");

        JsonNode entry = awaitEntry("eventIdentifier", identifier);
        assertThat(entry.get("actor").asText()).isEqualTo("pm-\uFFFDQUE");
        assertThat(entry.get("actorName").asText()).isEqualTo("Pat\uFFFD");
        start("EST-ENGAGEMENT-STRATEGY");
        eventually(
                "the ledger has recorded what came after",
                () -> auditor("/api/v1/audit/verify").get("pending").asLong() == 0);
        JsonNode verified = auditor("/api/v1/audit/verify");
        assertThat(verified.get("verified").asBoolean()).as("%s", verified).isTrue();
    }

    private void start(String milestone) {
        Api.Response started = api.post("/api/v1/systems/QUE/milestones/" + milestone + "/start")
                .token(api.programmeManager(ICS))
                .send();
        assertThat(started.status()).as("%s", started).isBetween(200, 202);
    }

    /** Rewrites one column of one ledger entry as a superuser would: with the append-only triggers off. */
    private void rewriteLedger(long sequence, String column, String value) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE audit_ledger SET " + column + " = ? WHERE sequence = ?")) {
                update.setString(1, value);
                update.setLong(2, sequence);
                assertThat(update.executeUpdate()).isEqualTo(1);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET session_replication_role = DEFAULT");
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /** Edits one stored payload as a superuser would: with the append-only triggers off for that session only. */
    private void tamper(long globalIndex, String from, String to) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE domain_event_entry
                       SET payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8')
                     WHERE global_index = ?""")) {
                update.setString(1, from);
                update.setString(2, to);
                update.setLong(3, globalIndex);
                assertThat(update.executeUpdate()).isEqualTo(1);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET session_replication_role = DEFAULT");
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private JsonNode awaitEntry(String field, String value) {
        String path = "/api/v1/audit/events?ics=QUE&size=500";
        eventually("the change is in the audit trail", () -> find(path, field, value) != null);
        return find(path, field, value);
    }

    private JsonNode find(String path, String field, String value) {
        JsonNode first = auditor(path);
        long total = first.get("totalItems").asLong();
        long pages = Math.max(1, (total + 499) / 500);
        for (long page = pages - 1; page >= 0; page--) {
            JsonNode items = auditor(path + "&page=" + page).get("items");
            for (JsonNode item : items) {
                if (value.equals(item.path(field).asText(null))) {
                    return item;
                }
            }
        }
        return null;
    }

    private List<JsonNode> history(String query) {
        JsonNode page = auditor("/api/v1/systems/QUE/history?size=500" + query);
        List<JsonNode> entries = new ArrayList<>();
        page.get("items").forEach(entries::add);
        return entries;
    }

    private JsonNode auditor(String path) {
        Api.Response response = api.get(path).token(api.auditor()).send();
        assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
        return response.json();
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }
}
