package uk.nhs.ics.transition.app.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.FourEyesContext;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.web.approval.FourEyesPolicy;

/**
 * Four eyes, with the production configuration's default (every action that assures needs a second person), over
 * HTTP: a due diligence sign-off of Suffolk and North East Essex (QJG) takes two different people and its history
 * shows both; the maker cannot approve (whatever token they hold), nor can anyone approve twice, after expiry, once
 * superseded, or after the target changed (412); a rejection says why; someone without the role or the scope cannot
 * decide; and each of the other actions (a constitution's approval and return, a re-baseline, a scheme's agreement, a
 * replay, a retry) waits for its second person too. A refused request or decision records nothing.
 *
 * <p>It owns Suffolk and North East Essex (QJG), Leicester, Leicestershire and Rutland (QK1) and their CCGs, which no
 * other test writes, and its context's national programme.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FourEyesTest extends FourEyesContext {

    private static final String SIGNOFF = "/api/v1/systems/QJG/due-diligence/sign-off";

    @Autowired
    FourEyesPolicy policy;

    private String alice;
    private String aliceAgain;
    private String bob;
    private String carol;
    private String leicester;
    private String auditor;

    @BeforeEach
    void people() {
        alice = api.token("qjg-alice", List.of("PROGRAMME_MANAGER"), List.of("QJG"), List.of());
        // the same person with another token (another name on it, even): still one person
        aliceAgain = api.token("qjg-alice", List.of("PROGRAMME_MANAGER", "AUDITOR"), List.of("QJG"), List.of());
        bob = api.token("qjg-bob", List.of("PROGRAMME_MANAGER"), List.of("QJG"), List.of());
        carol = api.token("qjg-carol", List.of("PROGRAMME_MANAGER"), List.of("QJG"), List.of());
        leicester = api.token("qk1-dev", List.of("PROGRAMME_MANAGER"), List.of("QK1"), List.of());
        auditor = api.auditor();
    }

    @Test
    @Order(0)
    void the_production_default_is_that_every_action_needs_a_second_person() {
        assertThat(policy.actions()).containsExactlyInAnyOrder(FourEyesAction.values());
    }

    @Test
    @Order(1)
    void a_due_diligence_sign_off_takes_two_different_people_and_the_history_shows_both() {
        dueDiligenceReady("QJG", alice);
        long eventsBefore = events();

        Api.Response asked = api.post(SIGNOFF + "?reason=Accountable+officer+on+leave+from+Monday")
                .token(alice)
                .json(signOff("06L"))
                .send();

        assertThat(asked.status()).as("%s", asked).isEqualTo(202);
        String id = asked.json().get("approvalId").asText();
        assertThat(asked.header("Location")).isEqualTo("/api/v1/approvals/" + id);
        assertThat(asked.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(signOffs("QJG")).as("nothing is signed off yet").isEmpty();
        eventually("the request listed for bob", () -> approvable(bob).contains(id));
        assertThat(approvable(alice)).as("not for its maker").doesNotContain(id);
        assertThat(approvable(leicester)).as("not for another ICS's manager").doesNotContain(id);
        JsonNode pending = api.get("/api/v1/approvals/" + id).token(bob).send().json();
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("requestedBy").asText()).isEqualTo("qjg-alice");
        assertThat(pending.get("reason").asText()).isEqualTo("Accountable officer on leave from Monday");
        assertThat(pending.get("command").get("type").asText())
                .isEqualTo("uk.nhs.ics.transition.messages.ics.SignOffDueDiligence");
        assertThat(pending.get("command").get("json").asText()).contains("06L", "Accountable Officer of 06L");

        Api.Response approved =
                api.post("/api/v1/approvals/" + id + "/approve").token(bob).send();

        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        long version = approved.json().get("version").asLong();
        JsonNode dueDiligence = api.get("/api/v1/systems/QJG/due-diligence")
                .token(alice)
                .header("X-Min-Version", String.valueOf(version))
                .send()
                .json();
        assertThat(dueDiligence.get("signOffs").findValuesAsText("ccgCode")).containsExactly("06L");

        eventually("the ledger has the sign-off", () -> !trail("DueDiligenceSignedOff")
                .isEmpty());
        JsonNode signedOff = trail("DueDiligenceSignedOff").get(0);
        assertThat(signedOff.get("actor").asText()).isEqualTo("qjg-alice");
        assertThat(signedOff.get("approvedBy").asText()).isEqualTo("qjg-bob");
        assertThat(signedOff.get("approvalId").asText()).isEqualTo(id);
        JsonNode granted = trail("ApprovalGranted").get(0);
        assertThat(granted.get("actor").asText()).isEqualTo("qjg-bob");
        assertThat(granted.get("icsCode").asText()).isEqualTo("QJG");

        List<String> history = history("QJG");
        assertThat(history)
                .anyMatch(line -> line.startsWith("Asked for a second person's approval to sign off QJG's due"
                                + " diligence as ccg accountable officer of 06L")
                        && line.contains("by qjg-alice (test) (QJG programme manager)"))
                .anyMatch(line -> line.startsWith("Approved qjg-alice's request to sign off QJG's due diligence")
                        && line.contains("by qjg-bob (test) (QJG programme manager)"))
                .anyMatch(line -> line.startsWith("Due diligence signed off by Accountable Officer of 06L")
                        && line.contains("by qjg-alice (test) (QJG programme manager), approved by qjg-bob (test)"
                                + " (QJG programme manager)"));
        assertThat(api.get("/api/v1/approvals/" + id)
                        .token(auditor)
                        .send()
                        .json()
                        .get("decidedBy")
                        .asText())
                .isEqualTo("qjg-bob");
        assertThat(events() - eventsBefore).as("request, approval, sign-off").isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(2)
    void the_maker_cannot_approve_their_own_request_even_with_another_token_and_nothing_is_recorded() {
        String id = ask(alice, "06T");
        long before = events();

        Api.Response self = api.post("/api/v1/approvals/" + id + "/approve")
                .token(aliceAgain)
                .send();

        assertProblem(self, 409, "SELF_APPROVAL");
        assertThat(events()).isEqualTo(before);
        Api.Response selfReject = api.post("/api/v1/approvals/" + id + "/reject")
                .token(alice)
                .json(Map.of("reason", "never mind"))
                .send();
        assertProblem(selfReject, 409, "SELF_APPROVAL");
        assertThat(events()).isEqualTo(before);
        assertThat(signOffs("QJG")).doesNotContain("06T");
    }

    @Test
    @Order(3)
    void someone_without_the_role_or_the_scope_cannot_decide() {
        String id = pendingOf("06T");
        long before = events();

        assertProblem(
                api.post("/api/v1/approvals/" + id + "/approve")
                        .token(leicester)
                        .send(),
                403,
                "FORBIDDEN");
        assertProblem(
                api.post("/api/v1/approvals/" + id + "/approve").token(auditor).send(), 403, "FORBIDDEN");
        assertProblem(
                api.post("/api/v1/approvals/" + id + "/approve")
                        .token(api.regionalTeam("Y61"))
                        .send(),
                403,
                "FORBIDDEN");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void a_later_request_for_the_same_thing_supersedes_the_pending_one_which_can_no_longer_be_decided() {
        String first = pendingOf("06T");

        String second = ask(carol, "06T");

        eventually("the first superseded", () -> status(first).equals("SUPERSEDED"));
        long before = events();
        assertProblem(
                api.post("/api/v1/approvals/" + first + "/approve").token(bob).send(), 409, "APPROVAL_SUPERSEDED");
        assertThat(events()).isEqualTo(before);
        assertThat(approvable(bob)).contains(second).doesNotContain(first);
    }

    @Test
    @Order(5)
    void an_approval_once_given_cannot_be_given_again() {
        String id = pendingOf("06T");
        Api.Response approved =
                api.post("/api/v1/approvals/" + id + "/approve").token(bob).send();
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        long before = events();

        assertProblem(
                api.post("/api/v1/approvals/" + id + "/approve").token(alice).send(), 409, "APPROVAL_DECIDED");
        assertProblem(
                api.post("/api/v1/approvals/" + id + "/reject")
                        .token(alice)
                        .json(Map.of("reason", "too late"))
                        .send(),
                409,
                "APPROVAL_DECIDED");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void an_approval_of_a_request_whose_target_changed_since_is_refused_with_412_and_records_nothing() {
        String id = ask(alice, "07K");
        Api.Response changed = api.post("/api/v1/systems/QJG/milestones/Q4-SYSTEMS-READY/start")
                .token(carol)
                .send();
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        long before = events();

        Api.Response stale =
                api.post("/api/v1/approvals/" + id + "/approve").token(bob).send();

        assertProblem(stale, 412, "APPROVAL_TARGET_CHANGED");
        assertThat(events()).isEqualTo(before);
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(signOffs("QJG")).doesNotContain("07K");
    }

    @Test
    @Order(7)
    void a_request_is_rejected_with_a_reason_and_nothing_it_asked_for_happens() {
        String id = ask(alice, "07K");

        Api.Response noReason = api.post("/api/v1/approvals/" + id + "/reject")
                .token(bob)
                .json(Map.of("reason", " "))
                .send();
        assertThat(noReason.status()).as("%s", noReason).isEqualTo(422);
        Api.Response rejected = api.post("/api/v1/approvals/" + id + "/reject")
                .token(bob)
                .json(Map.of("reason", "07K's officer has not seen the CLAIMS item"))
                .send();

        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        eventually("rejected", () -> status(id).equals("REJECTED"));
        JsonNode approval =
                api.get("/api/v1/approvals/" + id).token(alice).send().json();
        assertThat(approval.get("decisionReason").asText()).isEqualTo("07K's officer has not seen the CLAIMS item");
        assertThat(signOffs("QJG")).doesNotContain("07K");
        assertThat(history("QJG"))
                .anyMatch(line -> line.startsWith("Rejected qjg-alice's request to sign off QJG's due diligence")
                        && line.contains("07K's officer has not seen the CLAIMS item"));
        assertProblem(
                api.post("/api/v1/approvals/" + id + "/approve").token(carol).send(), 409, "APPROVAL_DECIDED");
    }

    @Test
    @Order(8)
    void a_request_cannot_be_approved_after_it_expires() {
        String id = ask(alice, "07K");
        LocalDate today = clock.today();
        try {
            clock.setToday(today.plusDays(8));
            long before = events();

            assertProblem(
                    api.post("/api/v1/approvals/" + id + "/approve").token(bob).send(), 409, "APPROVAL_EXPIRED");
            assertThat(events()).isEqualTo(before);
            assertThat(status(id)).isEqualTo("EXPIRED");
            assertThat(approvable(bob)).doesNotContain(id);
        } finally {
            clock.setToday(today);
        }
    }

    @Test
    @Order(9)
    void a_request_the_rules_refuse_is_refused_at_once_and_waits_for_nobody() {
        long before = events();

        Api.Response refused = api.post("/api/v1/systems/QK1/due-diligence/sign-off")
                .token(leicester)
                .json(Map.of(
                        "signatory", "Accountable Officer", "capacity", "CCG_ACCOUNTABLE_OFFICER", "ccgCode", "04C"))
                .send();

        assertProblem(refused, 409, "DUE_DILIGENCE_NOT_STARTED");
        assertThat(events()).isEqualTo(before);
        assertProblem(
                api.post("/api/v1/approvals/00000000-0000-4000-8000-000000000000/approve")
                        .token(bob)
                        .send(),
                404,
                "UNKNOWN_APPROVAL");
        assertThat(api.post("/api/v1/approvals/QJG/approve").token(bob).send().status())
                .isEqualTo(422);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(10)
    void a_request_retried_with_its_idempotency_key_is_the_same_request() {
        Api.Response first = api.post(SIGNOFF)
                .token(alice)
                .header("Idempotency-Key", "qjg-07k-sign-off")
                .json(signOff("07K"))
                .send();
        long after = events();
        Api.Response again = api.post(SIGNOFF)
                .token(alice)
                .header("Idempotency-Key", "qjg-07k-sign-off")
                .json(signOff("07K"))
                .send();

        assertThat(first.status()).as("%s", first).isEqualTo(202);
        assertThat(again.status()).as("%s", again).isEqualTo(202);
        assertThat(again.json().get("approvalId").asText())
                .isEqualTo(first.json().get("approvalId").asText());
        assertThat(events()).isEqualTo(after);
    }

    @Test
    @Order(11)
    void a_constitutions_approval_and_its_return_each_wait_for_a_second_person_of_the_region_or_nation() {
        String rita = api.token("y60-rita", List.of("REGIONAL_OVERSIGHT"), List.of(), List.of("Y60"));
        String ravi = api.token("y60-ravi", List.of("REGIONAL_OVERSIGHT"), List.of(), List.of("Y60"));
        submitConstitution("QK1", leicester);

        String id = accepted(api.post("/api/v1/systems/QK1/constitution/approve")
                .token(rita)
                .json(Map.of("comments", "Meets the model"))
                .send());
        assertThat(constitution("QK1", rita).get("status").asText()).isEqualTo("SUBMITTED");
        approve(id, ravi);
        eventually(
                "approved",
                () -> constitution("QK1", rita).get("status").asText().equals("APPROVED"));

        String east = api.token("y61-erin", List.of("REGIONAL_OVERSIGHT"), List.of(), List.of("Y61"));
        submitConstitution("QJG", alice);
        String returned = accepted(api.post("/api/v1/systems/QJG/constitution/return")
                .token(east)
                .json(Map.of("comments", "Name the place leaders"))
                .send());
        approve(returned, api.nationalTeam());
        eventually(
                "returned",
                () -> constitution("QJG", east).get("status").asText().equals("DRAFTING"));
    }

    @Test
    @Order(12)
    void a_rebaseline_waits_for_a_second_person_of_the_national_team() {
        String nora = api.token("national-nora", List.of("NATIONAL_PROGRAMME"), List.of(), List.of());
        String ned = api.token("national-ned", List.of("NATIONAL_PROGRAMME"), List.of(), List.of());

        String id = accepted(api.post("/api/v1/programme/rebaseline")
                .token(nora)
                .json(Map.of(
                        "decidedOn", "2021-12-24",
                        "establishmentDate", "2022-07-01",
                        "quarterEnds", Map.of("Q4", "2022-06-30"),
                        "reason", "Remaining parliamentary stages of the Health and Care Bill"))
                .send());
        assertThat(api.get("/api/v1/programme").token(nora).send().json().get("baselineHistory"))
                .hasSize(1);
        assertProblem(
                api.post("/api/v1/approvals/" + id + "/approve")
                        .token(leicester)
                        .send(),
                403,
                "FORBIDDEN");
        approve(id, ned);

        eventually(
                "re-baselined",
                () -> api.get("/api/v1/programme")
                                .token(nora)
                                .send()
                                .json()
                                .get("baselineHistory")
                                .size()
                        == 2);
    }

    @Test
    @Order(13)
    void a_transfer_schemes_agreement_waits_for_another_manager_of_the_agreeing_party() {
        String dave = api.token("qk1-dave", List.of("PROGRAMME_MANAGER"), List.of("QK1"), List.of());
        Api.Response item = api.post("/api/v1/ccgs/04C/transfer/items")
                .token(leicester)
                .json(Map.of("kind", "ASSET", "description", "Leicester City CCG IT estate", "valuePence", 1_250_000))
                .send();
        assertThat(item.status()).as("%s", item).isEqualTo(200);

        String id = accepted(api.post("/api/v1/ccgs/04C/transfer/agree")
                .token(leicester)
                .json(Map.of("party", "CCG", "signatory", "Accountable Officer of 04C"))
                .send());
        assertProblem(
                api.post("/api/v1/approvals/" + id + "/approve").token(bob).send(), 403, "FORBIDDEN");
        approve(id, dave);

        eventually("agreed for the CCG", () -> api.get("/api/v1/ccgs/04C/transfer")
                .token(dave)
                .send()
                .body()
                .contains("Accountable Officer of 04C"));
    }

    @Test
    @Order(14)
    void a_replay_and_a_retry_of_dead_letters_wait_for_a_second_operator() {
        String nora = api.token("national-nora", List.of("NATIONAL_PROGRAMME"), List.of(), List.of());
        String ned = api.token("national-ned", List.of("NATIONAL_PROGRAMME"), List.of(), List.of());

        String retry = accepted(api.post("/api/v1/admin/projections/milestones/dead-letters/retry?reason=after+fix")
                .token(nora)
                .send());
        JsonNode retried = approve(retry, ned);
        assertThat(retried.get("result").get("remaining").asLong()).isZero();

        assertProblem(
                api.post("/api/v1/admin/projections/relays/replay").token(nora).send(), 422, "INVALID_INPUT");
        assertProblem(
                api.post("/api/v1/admin/projections/no-such/replay").token(nora).send(), 404, "NOT_FOUND");
        String replay = accepted(api.post("/api/v1/admin/projections/programme/replay")
                .token(nora)
                .send());
        assertProblem(
                api.post("/api/v1/approvals/" + replay + "/approve").token(nora).send(), 409, "SELF_APPROVAL");
        JsonNode replayed = approve(replay, ned);
        assertThat(replayed.get("result").get("name").asText()).isEqualTo("programme");
        eventually("the replay done", () -> !api.get("/api/v1/admin/projections/programme")
                .token(ned)
                .send()
                .json()
                .get("replaying")
                .asBoolean());
        assertThat(trail("ApprovalGranted").stream()
                        .map(e -> e.get("payload").get("action").asText()))
                .contains("PROJECTION_REPLAY", "DEAD_LETTER_RETRY");
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> signOff(String ccg) {
        return Map.of(
                "signatory", "Accountable Officer of " + ccg, "capacity", "CCG_ACCOUNTABLE_OFFICER", "ccgCode", ccg);
    }

    /** Asks for a sign-off as the person, and answers the approval's id. */
    private String ask(String token, String ccg) {
        return accepted(api.post(SIGNOFF).token(token).json(signOff(ccg)).send());
    }

    private String accepted(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(202);
        String id = response.json().get("approvalId").asText();
        eventually(
                "approval " + id + " projected",
                () -> api.get("/api/v1/approvals/" + id).token(auditor).send().status() == 200);
        return id;
    }

    private JsonNode approve(String id, String token) {
        Api.Response approved =
                api.post("/api/v1/approvals/" + id + "/approve").token(token).send();
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        return approved.json();
    }

    private String pendingOf(String ccg) {
        return api
                .get("/api/v1/approvals?size=500")
                .token(bob)
                .send()
                .json()
                .get("items")
                .findParents("approvalId")
                .stream()
                .filter(a -> a.get("summary").asText().contains("of " + ccg))
                .map(a -> a.get("approvalId").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no pending request for " + ccg));
    }

    private List<String> approvable(String token) {
        Api.Response list = api.get("/api/v1/approvals?size=500").token(token).send();
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        return list.json().get("items").findValuesAsText("approvalId");
    }

    private String status(String id) {
        return api.get("/api/v1/approvals/" + id)
                .token(auditor)
                .send()
                .json()
                .get("status")
                .asText();
    }

    private List<String> signOffs(String ics) {
        return api.get("/api/v1/systems/" + ics + "/due-diligence")
                .token(auditor)
                .send()
                .json()
                .get("signOffs")
                .findValuesAsText("ccgCode");
    }

    private List<JsonNode> trail(String type) {
        List<JsonNode> entries = new ArrayList<>();
        api.get("/api/v1/audit/events?type=" + type + "&size=500")
                .token(auditor)
                .send()
                .json()
                .get("items")
                .forEach(entries::add);
        return entries;
    }

    private List<String> history(String ics) {
        eventually(
                "the ledger caught up",
                () -> jdbc.sql("SELECT count(*) FROM domain_event_entry e WHERE NOT EXISTS"
                                        + " (SELECT 1 FROM audit_ledger l WHERE l.global_index = e.global_index)")
                                .query(Long.class)
                                .single()
                        == 0);
        return api.get("/api/v1/systems/" + ics + "/history?size=500")
                .token(auditor)
                .send()
                .json()
                .get("items")
                .findValuesAsText("summary");
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    private JsonNode constitution(String ics, String token) {
        return api.get("/api/v1/systems/" + ics + "/constitution")
                .token(token)
                .send()
                .json();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as("%s", response).isEqualTo(code);
    }

    /** Due diligence planned, with one assured item in every area. */
    private void dueDiligenceReady(String ics, String token) {
        ok(api.post("/api/v1/systems/" + ics + "/due-diligence/start-planning")
                .token(token)
                .send());
        for (DueDiligenceArea area : DueDiligenceArea.values()) {
            String item = ok(api.post("/api/v1/systems/" + ics + "/due-diligence/items")
                            .token(token)
                            .json(Map.of("category", area.name(), "title", "Reviewed: " + area.name()))
                            .send())
                    .get("itemId")
                    .asText();
            ok(api.post("/api/v1/systems/" + ics + "/due-diligence/items/" + item + "/assess")
                    .token(token)
                    .json(Map.of("outcome", "ASSURED"))
                    .send());
        }
    }

    /** A draft through engagement to submission, naming every board gap with a plan. */
    private void submitConstitution(String ics, String token) {
        ok(api.post("/api/v1/systems/" + ics + "/constitution/drafts")
                .token(token)
                .json(Map.of("documentReference", ics + "-ICB-C-v1", "summary", "Model constitution"))
                .send());
        ok(api.post("/api/v1/systems/" + ics + "/constitution/engagement/open")
                .token(token)
                .send());
        ok(api.post("/api/v1/systems/" + ics + "/constitution/engagement/close")
                .token(token)
                .send());
        List<Map<String, String>> gaps = new ArrayList<>();
        eventually(
                "the board projected",
                () -> api.get("/api/v1/systems/" + ics + "/board")
                                .token(token)
                                .send()
                                .status()
                        == 200);
        api.get("/api/v1/systems/" + ics + "/board")
                .token(token)
                .send()
                .json()
                .get("gaps")
                .forEach(gap -> gaps.add(Map.of("requirement", gap.asText(), "plan", "Recruiting by March")));
        ok(api.post("/api/v1/systems/" + ics + "/constitution/submit")
                .token(token)
                .json(Map.of("gaps", gaps))
                .send());
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }
}
