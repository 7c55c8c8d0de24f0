package uk.nhs.ics.transition.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.domain.MutableClock;

/**
 * The story the pages' tests read, recorded once per test run through the API: London (Y56) and, for a second
 * region, Devon in the South West (Y58). No other end-to-end test changes these ICSs (the South West's Somerset is
 * Kent and Medway's test's, and is left alone).
 *
 * <ul>
 *   <li>Our Healthier South East London (QKK) finishes Q1 on time (25 and 28 June 2021), supports its leaders in
 *       September (evidence on the web), starts recruiting its chair, starts due diligence (one item assured, one a
 *       high-risk issue), drafts its constitution, and records two transfer items of South East London CCG (72Q);
 *   <li>East London (QMF) flags its development plan at risk and finishes its transition plan on 29 June;
 *   <li>North London (QMJ) finishes Q1 late, on 5 July 2021;
 *   <li>North West London (QRV) and South West London (QWE) record nothing;
 *   <li>Devon (QJK) finishes Q1 on time.
 * </ul>
 *
 * So, rated on 2 July 2021, London has 1 green ICS and 4 red; on 10 July, 1 green, 1 amber (North London, complete
 * late) and 3 red; and as known before North London's completion, on 10 July still 1 green and 4 red.
 */
final class PagesScenario {

    /** The instant just before North London's late completions were recorded. */
    private static Instant beforeNorthLondonCompleted;

    private PagesScenario() {}

    /** Records the story, unless an earlier test of this run already has; answers the instant above. */
    static synchronized Instant ensure(Api api, MutableClock clock) {
        if (beforeNorthLondonCompleted != null) {
            return beforeNorthLondonCompleted;
        }
        LocalDate today = clock.today();
        try {
            String qkk = api.programmeManager("QKK");
            clock.setToday(LocalDate.of(2021, 6, 28));
            complete(api, qkk, "QKK", "Q1-SDP-UPDATED", "2021-06-25", "SEL-SDP-2021", "System development plan");
            complete(api, qkk, "QKK", "Q1-TRANSITION-PLAN", "2021-06-28", "SEL-TP-2021", "Transition plan");

            String qmf = api.programmeManager("QMF");
            post(api, qmf, "/api/v1/systems/QMF/milestones/Q1-SDP-UPDATED/start", null);
            post(
                    api,
                    qmf,
                    "/api/v1/systems/QMF/milestones/Q1-SDP-UPDATED/at-risk",
                    Map.of("reason", "Board approval of the plan delayed to July"));
            clock.setToday(LocalDate.of(2021, 6, 29));
            complete(api, qmf, "QMF", "Q1-TRANSITION-PLAN", "2021-06-29", "NEL-TP-1", "Transition plan");

            String qjk = api.programmeManager("QJK");
            complete(api, qjk, "QJK", "Q1-SDP-UPDATED", "2021-06-21", "DEV-SDP", "Development plan");
            complete(api, qjk, "QJK", "Q1-TRANSITION-PLAN", "2021-06-22", "DEV-TP", "Transition plan");

            // every later event is recorded after this instant: each write below is a request of its own
            beforeNorthLondonCompleted = Instant.now();
            String qmj = api.programmeManager("QMJ");
            clock.setToday(LocalDate.of(2021, 7, 5));
            complete(api, qmj, "QMJ", "Q1-SDP-UPDATED", "2021-07-05", "NCL-SDP", "Development plan");
            complete(api, qmj, "QMJ", "Q1-TRANSITION-PLAN", "2021-07-05", "NCL-TP", "Transition plan");

            clock.setToday(LocalDate.of(2021, 9, 20));
            post(api, qkk, "/api/v1/systems/QKK/milestones/Q2-LEADERS-SUPPORTED/start", null);
            post(
                    api,
                    qkk,
                    "/api/v1/systems/QKK/milestones/Q2-LEADERS-SUPPORTED/complete",
                    Map.of(
                            "completedOn",
                            "2021-09-20",
                            "evidence",
                            List.of(Map.of(
                                    "reference",
                                    "https://example.nhs.uk/sel/leaders-consultation",
                                    "description",
                                    "Consultation report"))));
            post(api, qkk, "/api/v1/systems/QKK/board/roles/CHAIR/recruitment", Map.of("process", "NATIONAL"));
            post(
                    api,
                    qkk,
                    "/api/v1/systems/QKK/board/roles/CHAIR/candidate",
                    Map.of("name", "Richard Douglas", "conflictingPosts", List.of()));
            post(api, qkk, "/api/v1/systems/QKK/due-diligence/start-planning", null);
            post(
                    api,
                    qkk,
                    "/api/v1/systems/QKK/due-diligence/items",
                    Map.of("category", "STAFF", "title", "Staff list reconciled"));
            post(api, qkk, "/api/v1/systems/QKK/due-diligence/items/DD-1/assess", Map.of("outcome", "ASSURED"));
            post(
                    api,
                    qkk,
                    "/api/v1/systems/QKK/due-diligence/items",
                    Map.of("category", "CLAIMS", "title", "Continuing healthcare liabilities"));
            post(
                    api,
                    qkk,
                    "/api/v1/systems/QKK/due-diligence/items/DD-2/assess",
                    Map.of("outcome", "ISSUE", "risk", "HIGH", "mitigation", "Legal review booked for October"));
            post(
                    api,
                    qkk,
                    "/api/v1/systems/QKK/constitution/drafts",
                    Map.of("documentReference", "SEL-ICB-C-v1", "summary", "Model constitution adapted"));
            post(
                    api,
                    qkk,
                    "/api/v1/ccgs/72Q/transfer/items",
                    Map.of("kind", "STAFF", "description", "CCG staff", "headcount", 312, "wte", 290.5));
            long version = post(
                            api,
                            qkk,
                            "/api/v1/ccgs/72Q/transfer/items",
                            Map.of("kind", "ASSET", "description", "IT equipment", "valuePence", 4_851_230))
                    .get("version")
                    .asLong();
            // every read model has caught up when the last write's is shown, and the audit ledger is one event behind
            Api.Response scheme = api.get("/api/v1/ccgs/72Q/transfer")
                    .token(qkk)
                    .header("X-Min-Version", String.valueOf(version))
                    .send();
            assertThat(scheme.status()).as("%s", scheme).isEqualTo(200);
            return beforeNorthLondonCompleted;
        } finally {
            clock.setToday(today);
        }
    }

    private static void complete(
            Api api, String token, String ics, String milestone, String on, String reference, String description) {
        post(api, token, "/api/v1/systems/" + ics + "/milestones/" + milestone + "/start", null);
        post(
                api,
                token,
                "/api/v1/systems/" + ics + "/milestones/" + milestone + "/complete",
                Map.of(
                        "completedOn",
                        on,
                        "evidence",
                        List.of(Map.of("reference", reference, "description", description))));
    }

    private static JsonNode post(Api api, String token, String path, Object body) {
        Api.Call call = api.post(path).token(token);
        if (body != null) {
            call.json(body);
        }
        Api.Response response = call.send();
        assertThat(response.status()).as("%s answered %s", path, response).isEqualTo(200);
        return response.json();
    }
}
