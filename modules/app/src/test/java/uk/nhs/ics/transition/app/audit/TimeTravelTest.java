package uk.nhs.ics.transition.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * Reads as of a past instant answer with what had been recorded by then, rebuilt from history: an ICS's milestones,
 * board, due diligence, transfer ledger and constitution, and the regional and national readiness.
 *
 * <p>Works on Bedfordshire, Luton and Milton Keynes (QHG, region Y61) and its CCG M1J4Y, and on nothing else.
 */
class TimeTravelTest extends EndToEndTest {

    private static final String ICS = "QHG";
    private static final String MILESTONE = "Q1-TRANSITION-PLAN";

    @Test
    void a_milestone_completed_then_reopened_is_complete_as_of_the_moment_between_and_the_history_shows_both() {
        String manager = api.programmeManager(ICS);
        write(api.post("/api/v1/systems/QHG/milestones/" + MILESTONE + "/start").token(manager));
        long completed = write(api.post("/api/v1/systems/QHG/milestones/" + MILESTONE + "/complete")
                .token(manager)
                .json(Map.of(
                        "completedOn",
                        "2021-04-01",
                        "evidence",
                        List.of(Map.of("reference", "BLMK-TP-1", "description", "Transition plan")))));
        awaitMilestones(completed);
        Instant noted = Instant.now();
        JsonNode regionThen = auditor("/api/v1/regions/Y61/readiness?at=2021-04-01");
        JsonNode nationThen = auditor("/api/v1/readiness?at=2021-04-01");

        long reopened = write(api.post("/api/v1/systems/QHG/milestones/" + MILESTONE + "/reopen")
                .token(manager)
                .json(Map.of("reason", "The plan must cover the Bedford boundary")));
        awaitMilestones(reopened);

        assertThat(milestone("?asOf=" + noted).get("status").asText()).isEqualTo("COMPLETE");
        assertThat(milestone("?asOf=" + noted).get("completedOn").asText()).isEqualTo("2021-04-01");
        assertThat(milestone("").get("status").asText()).isEqualTo("IN_PROGRESS");

        eventually("the history shows the reopening", () -> history("").stream()
                .anyMatch(e -> e.get("summary").asText().startsWith(MILESTONE + " reopened")));
        List<String> changes = history("").stream()
                .filter(e -> e.get("summary").asText().startsWith(MILESTONE))
                .map(e -> e.get("summary").asText())
                .toList();
        assertThat(changes)
                .containsSubsequence(
                        MILESTONE + " completed on 2021-04-01 with 1 piece of evidence, by pm-QHG (test) (QHG"
                                + " programme manager)",
                        MILESTONE + " reopened, by pm-QHG (test) (QHG programme manager): The plan must cover the"
                                + " Bedford boundary");
        assertThat(history("&asOf=" + noted))
                .extracting(e -> e.get("summary").asText())
                .noneMatch(s -> s.startsWith(MILESTONE + " reopened"));

        // the region and the nation, as of the noted instant, count the milestone as complete; now they do not
        int completeThen = completeIn(auditor("/api/v1/regions/Y61/readiness?at=2021-04-01&asOf=" + noted));
        int completeNow = completeIn(auditor("/api/v1/regions/Y61/readiness?at=2021-04-01"));
        assertThat(completeThen).isEqualTo(completeIn(regionThen));
        assertThat(completeNow).isEqualTo(completeThen - 1);
        JsonNode nationAsOf = auditor("/api/v1/readiness?at=2021-04-01&asOf=" + noted);
        assertThat(nationAsOf.get("asOf").asText()).isEqualTo(noted.toString());
        assertThat(nationAsOf.get("systems").asInt()).isEqualTo(42);
        assertThat(nationAsOf.get("overall")).isEqualTo(nationThen.get("overall"));
    }

    @Test
    void the_board_due_diligence_transfer_ledger_and_constitution_read_as_they_were() {
        String manager = api.programmeManager(ICS);
        awaitMilestones(0);
        String seatBefore = seat(read("/api/v1/systems/QHG/board"), "FINANCE_DIRECTOR");
        String dueDiligenceBefore =
                read("/api/v1/systems/QHG/due-diligence").get("status").asText();
        int draftsBefore =
                read("/api/v1/systems/QHG/constitution").get("versions").size();
        long ledgerBefore = read("/api/v1/systems/QHG/transfers")
                .get("items")
                .get("totalItems")
                .asLong();
        long schemeBefore = read("/api/v1/ccgs/M1J4Y/transfer")
                .get("items")
                .get("totalItems")
                .asLong();
        Instant before = Instant.now();

        long board = write(api.post("/api/v1/systems/QHG/board/roles/FINANCE_DIRECTOR/recruitment")
                .token(manager)
                .json(Map.of("process", "LOCAL")));
        write(api.post("/api/v1/systems/QHG/due-diligence/start-planning").token(manager));
        write(api.post("/api/v1/systems/QHG/constitution/drafts")
                .token(manager)
                .json(Map.of("documentReference", "BLMK-CONST-1", "summary", "First draft")));
        long item = write(api.post("/api/v1/ccgs/M1J4Y/transfer/items")
                .token(manager)
                .json(Map.of("kind", "ASSET", "description", "Bedford office lease", "valuePence", 1_250_000)));
        eventually("every read shows the changes", () -> {
            JsonNode ledger = read("/api/v1/systems/QHG/transfers");
            return seat(read("/api/v1/systems/QHG/board"), "FINANCE_DIRECTOR").equals("RECRUITING")
                    && !read("/api/v1/systems/QHG/due-diligence")
                            .get("status")
                            .asText()
                            .equals(dueDiligenceBefore)
                    && read("/api/v1/systems/QHG/constitution").get("versions").size() == draftsBefore + 1
                    && ledger.get("items").get("totalItems").asLong() == ledgerBefore + 1;
        });
        assertThat(board).isPositive();
        assertThat(item).isPositive();

        String then = "?asOf=" + before;
        assertThat(seat(read("/api/v1/systems/QHG/board" + then), "FINANCE_DIRECTOR"))
                .isEqualTo(seatBefore)
                .isNotEqualTo("RECRUITING");
        assertThat(read("/api/v1/systems/QHG/due-diligence" + then)
                        .get("status")
                        .asText())
                .isEqualTo(dueDiligenceBefore);
        assertThat(read("/api/v1/systems/QHG/constitution" + then).get("versions"))
                .hasSize(draftsBefore);
        assertThat(read("/api/v1/systems/QHG/transfers" + then)
                        .get("items")
                        .get("totalItems")
                        .asLong())
                .isEqualTo(ledgerBefore);
        assertThat(read("/api/v1/ccgs/M1J4Y/transfer" + then)
                        .get("items")
                        .get("totalItems")
                        .asLong())
                .isEqualTo(schemeBefore);
        assertThat(read("/api/v1/ccgs/M1J4Y/transfer")
                        .get("items")
                        .get("totalItems")
                        .asLong())
                .isEqualTo(schemeBefore + 1);
    }

    @Test
    void as_of_an_instant_before_anything_was_recorded_there_is_nothing_to_show() {
        Api.Response systems = api.get("/api/v1/systems?asOf=2000-01-01T00:00:00Z")
                .token(api.auditor())
                .send();

        assertThat(systems.status()).isEqualTo(200);
        assertThat(systems.json().get("totalItems").asLong()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private long write(Api.Call call) {
        Api.Response response = call.send();
        assertThat(response.status()).as("%s", response).isBetween(200, 202);
        return response.json().get("version").asLong();
    }

    private void awaitMilestones(long version) {
        Api.Response response = api.get("/api/v1/systems/QHG/milestones")
                .token(api.auditor())
                .header("X-Min-Version", String.valueOf(version))
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    private JsonNode milestone(String query) {
        JsonNode milestones = read("/api/v1/systems/QHG/milestones" + query);
        JsonNode items = milestones.has("items") ? milestones.get("items") : milestones.get("milestones");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(m -> m.get("code").asText().equals(MILESTONE))
                .findFirst()
                .orElseThrow();
    }

    private static String seat(JsonNode board, String role) {
        return StreamSupport.stream(board.get("roles").spliterator(), false)
                .filter(s -> s.get("role").asText().equals(role))
                .map(s -> s.get("status").asText())
                .findFirst()
                .orElseThrow();
    }

    private static int completeIn(JsonNode region) {
        return StreamSupport.stream(region.get("systems").spliterator(), false)
                .map(s -> s.get("rating"))
                .filter(r -> r.get("code").asText().equals(ICS))
                .mapToInt(r -> r.get("milestonesComplete").asInt())
                .findFirst()
                .orElseThrow();
    }

    private List<JsonNode> history(String query) {
        List<JsonNode> entries = new ArrayList<>();
        read("/api/v1/systems/QHG/history?size=500" + query).get("items").forEach(entries::add);
        return entries;
    }

    private JsonNode read(String path) {
        return auditor(path);
    }

    private JsonNode auditor(String path) {
        Api.Response response = api.get(path).token(api.auditor()).send();
        assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
        return response.json();
    }
}
