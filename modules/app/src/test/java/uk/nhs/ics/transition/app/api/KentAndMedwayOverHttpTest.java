package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * Through HTTP alone, with development tokens: Kent and Medway's programme manager takes it through every milestone
 * from Q1 to establishment; the South East regional team watches it turn from red to green; the national team
 * records the Bill's stages and the December 2021 re-baseline, and the overdue list follows; Tameside and Glossop
 * CCG's scheme sends its Glossop items to Derbyshire and the rest to Greater Manchester, and both ledgers add up.
 *
 * <p>This class owns the national programme of the shared test database (no other end-to-end test records a
 * legislative milestone or re-baselines), and Kent and Medway, Derbyshire, Greater Manchester and their CCGs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KentAndMedwayOverHttpTest extends EndToEndTest {

    private String pm;
    private String regional;
    private String national;

    private void tokens() {
        pm = api.programmeManager("QKS");
        regional = api.regionalTeam("Y59");
        national = api.nationalTeam();
    }

    @Test
    @Order(1)
    void kent_and_medway_is_taken_through_every_milestone_and_the_regional_team_sees_it_turn_green() {
        tokens();

        // ---- Q1: on 2 July 2021 the Q1 milestones are overdue, so Kent and Medway is red
        on(2021, 7, 2);
        assertThat(overallRatingInRegion("QKS")).isEqualTo("RED");
        completeOnTime("Q1-SDP-UPDATED", LocalDate.of(2021, 6, 25));
        long version = completeOnTime("Q1-TRANSITION-PLAN", LocalDate.of(2021, 6, 28));
        awaitMilestones(version);
        assertThat(overallRatingInRegion("QKS"))
                .as("Q1 done on time, Q2 far off")
                .isEqualTo("GREEN");

        // ---- the Bill: introduced, second reading
        on(2021, 7, 6);
        legislate("INTRODUCED", "2021-07-06");
        on(2021, 7, 14);
        legislate("SECOND_READING", "2021-07-14");

        // ---- Q2: chair and chief executive by the national process; MoU drafted; due diligence planning
        on(2021, 8, 2);
        post("/api/v1/systems/QKS/board/roles/CHAIR/recruitment", Map.of("process", "NATIONAL"));
        post("/api/v1/systems/QKS/board/roles/CHIEF_EXECUTIVE/recruitment", Map.of("process", "NATIONAL"));
        candidate("CHAIR", "Cedi Frederick", false);
        candidate("CHIEF_EXECUTIVE", "Paul Bentley", false);
        on(2021, 9, 6);
        // the second reading reaches Kent and Medway by relay; until then confirming the chair is refused
        eventually(
                "the second reading relayed to QKS",
                () -> api.post("/api/v1/systems/QKS/board/roles/CHAIR/confirm-designate")
                                .token(pm)
                                .send()
                                .status()
                        == 200);
        post("/api/v1/systems/QKS/board/roles/CHIEF_EXECUTIVE/confirm-designate", null);
        completeOnTime("Q2-LEADERS-SUPPORTED", LocalDate.of(2021, 9, 6));
        completeOnTime("Q2-MOU-DRAFTED", LocalDate.of(2021, 9, 6));
        completeOnTime("Q2-SUB-ICS-PLAN", LocalDate.of(2021, 9, 6));
        version = post("/api/v1/systems/QKS/due-diligence/start-planning", null)
                .get("version")
                .asLong();
        awaitMilestones(version);
        assertThat(status("Q2-CHAIR-CEO-CONFIRMED")).isEqualTo("COMPLETE");
        assertThat(status("Q2-DUE-DILIGENCE-PLANNING")).isEqualTo("COMPLETE");
        on(2021, 10, 1);
        assertThat(overallRatingInRegion("QKS"))
                .as("Q2 complete by its due date")
                .isEqualTo("GREEN");

        // ---- Q3: executives, shadow form, constitution engagement; the third reading
        on(2021, 11, 1);
        appoint("FINANCE_DIRECTOR", "Finance Director", false);
        appoint("MEDICAL_DIRECTOR", "Medical Director", true);
        appoint("DIRECTOR_OF_NURSING", "Director of Nursing", false);
        post("/api/v1/systems/QKS/constitution/drafts", Map.of("documentReference", "KM-ICB-C-v1", "summary", "Model"));
        post("/api/v1/systems/QKS/constitution/engagement/open", null);
        on(2021, 11, 23);
        legislate("THIRD_READING", "2021-11-23");
        on(2021, 12, 10);
        post("/api/v1/systems/QKS/constitution/engagement/close", null);
        completeOnTime("Q3-IMPACTED-SUPPORTED", LocalDate.of(2021, 12, 10));
        version = completeOnTime("Q3-SHADOW-READY", LocalDate.of(2021, 12, 10));
        awaitMilestones(version);
        assertThat(status("Q3-CONSTITUTION-ENGAGEMENT")).isEqualTo("COMPLETE");
        assertThat(status("Q3-EXECUTIVES-CONFIRMED")).isEqualTo("COMPLETE");
    }

    @Test
    @Order(2)
    void the_december_2021_rebaseline_moves_q4_and_establishment_and_the_overdue_list_follows() {
        tokens();
        on(2021, 12, 20);
        LocalDate april = LocalDate.of(2022, 4, 10);
        List<String> overdueBefore = overdueAt(april);
        assertThat(overdueBefore)
                .as("rated at 10 April 2022 under the June 2021 baseline, unfinished Q4 work is overdue")
                .contains("QSL Q4-SYSTEMS-READY", "QKS Q4-SYSTEMS-READY");
        assertThat(programmeAt("2021-12-20").get("establishmentDate").asText()).isEqualTo("2022-04-01");

        on(2021, 12, 24);
        JsonNode answer = api.post("/api/v1/programme/rebaseline")
                .token(national)
                .json(Map.of(
                        "decidedOn", "2021-12-24",
                        "establishmentDate", "2022-07-01",
                        "quarterEnds", Map.of("Q4", "2022-06-30"),
                        "reason", "Remaining parliamentary stages of the Health and Care Bill"))
                .send()
                .json();
        long version = answer.get("version").asLong();
        JsonNode programme = api.get("/api/v1/programme?at=2021-12-28")
                .token(regional)
                .header("X-Min-Version", String.valueOf(version))
                .send()
                .json();

        assertThat(programme.get("establishmentDate").asText()).isEqualTo("2022-07-01");
        assertThat(programme.get("quarterEnds").get("Q4").asText()).isEqualTo("2022-06-30");
        assertThat(programme.get("baselineHistory")).hasSize(2);
        assertThat(programmeAt("2021-12-20").get("establishmentDate").asText())
                .as("rated before the decision, the June 2021 baseline is still the one in force")
                .isEqualTo("2022-04-01");
        assertThat(overdueAt(april))
                .as("under the new baseline Q4 is due on 30 June 2022, so nothing of Q4 is overdue in April")
                .noneMatch(row -> row.contains("Q4-"))
                .contains("QSL Q1-SDP-UPDATED");
    }

    @Test
    @Order(3)
    void kent_and_medway_completes_q4_and_is_established_on_1_july_2022() {
        tokens();
        on(2022, 2, 1);
        for (String seat : List.of(
                "INDEPENDENT_NED-1",
                "INDEPENDENT_NED-2",
                "PARTNER_TRUST-1",
                "PARTNER_PRIMARY_CARE-1",
                "PARTNER_LOCAL_AUTHORITY-1")) {
            appoint(seat, "Member " + seat, false);
        }
        int item = 0;
        for (String area : List.of(
                "STAFF",
                "CONSTITUTIONAL",
                "QUALITY",
                "CLAIMS",
                "CONTRACTS",
                "PROPERTY",
                "ENVIRONMENTAL",
                "INTELLECTUAL_PROPERTY",
                "FINANCE",
                "DIGITAL")) {
            JsonNode raised = post(
                    "/api/v1/systems/QKS/due-diligence/items", Map.of("category", area, "title", area + " reviewed"));
            assertThat(raised.get("itemId").asText()).isEqualTo("DD-" + ++item);
            post("/api/v1/systems/QKS/due-diligence/items/DD-" + item + "/assess", Map.of("outcome", "ASSURED"));
        }
        on(2022, 3, 4);
        post(
                "/api/v1/systems/QKS/due-diligence/sign-off",
                Map.of(
                        "signatory", "Accountable officer, NHS Kent and Medway CCG",
                        "capacity", "CCG_ACCOUNTABLE_OFFICER",
                        "ccgCode", "91Q"));
        post(
                "/api/v1/systems/QKS/due-diligence/sign-off",
                Map.of("signatory", "Paul Bentley", "capacity", "DESIGNATE_CHIEF_EXECUTIVE"));
        post(
                "/api/v1/ccgs/91Q/transfer/items",
                Map.of("kind", "STAFF", "description", "CCG staff", "headcount", 412, "wte", 389.6));
        post(
                "/api/v1/ccgs/91Q/transfer/items",
                Map.of("kind", "ASSET", "description", "IT equipment", "valuePence", 48_512_300));
        post("/api/v1/ccgs/91Q/transfer/agree", Map.of("party", "CCG", "signatory", "Accountable officer, 91Q"));
        eventually(
                "the designate chief executive relayed to 91Q",
                () -> api.post("/api/v1/ccgs/91Q/transfer/agree")
                                .token(pm)
                                .json(Map.of("party", "QKS", "signatory", "Paul Bentley"))
                                .send()
                                .status()
                        == 200);
        post("/api/v1/systems/QKS/constitution/submit", null);
        api.post("/api/v1/systems/QKS/constitution/approve").token(regional).send();
        post("/api/v1/systems/QKS/mou/draft", Map.of("documentReference", "KM-MOU-2022-23"));
        JsonNode agreed =
                api.post("/api/v1/systems/QKS/mou/agree").token(regional).send().json();
        assertThat(agreed.get("version").asLong()).isPositive();
        on(2022, 5, 20);
        for (String milestone : List.of(
                "Q4-AFFECTED-SUPPORTED",
                "Q4-UNION-CONSULTATION",
                "Q4-DIRECT-COMMISSIONING",
                "Q4-SYSTEMS-READY",
                "EST-VCSE-AGREEMENT",
                "EST-FUNCTIONS-MAP",
                "EST-COMMITTEES",
                "EST-CLINICAL-LEADERSHIP",
                "EST-ENGAGEMENT-STRATEGY",
                "EST-PROVIDER-COLLABORATIVES",
                "EST-DIGITAL-FOUNDATIONS")) {
            completeOnTime(milestone, LocalDate.of(2022, 5, 20));
        }
        on(2022, 4, 28);
        legislate("ROYAL_ASSENT", "2022-04-28");

        on(2022, 7, 1);
        eventually(
                "Royal Assent relayed to 91Q",
                () -> api.post("/api/v1/ccgs/91Q/transfer/effect")
                                .token(pm)
                                .send()
                                .status()
                        == 200);
        long version = post("/api/v1/ccgs/91Q/abolish", null).get("version").asLong();
        assertThat(version).isPositive();

        eventually("every milestone of QKS complete", () -> {
            JsonNode milestones = api.get("/api/v1/systems/QKS/milestones?size=50")
                    .token(regional)
                    .send()
                    .json();
            for (JsonNode milestone : milestones.get("items")) {
                if (!milestone.get("status").asText().equals("COMPLETE")) {
                    return false;
                }
            }
            return milestones.get("totalItems").asInt() == 29;
        });
        JsonNode system = api.get("/api/v1/systems/QKS?at=2022-07-01")
                .token(regional)
                .send()
                .json();
        assertThat(system.get("rating").get("overallRating").asText()).isEqualTo("GREEN");
        assertThat(system.get("rating").get("percentComplete").asInt()).isEqualTo(100);
        assertThat(system.get("boardMeetsMinimum").asBoolean()).isTrue();
        assertThat(overallRatingInRegion("QKS")).isEqualTo("GREEN");
        JsonNode scheme = api.get("/api/v1/ccgs/91Q/transfer")
                .token(regional)
                .header("X-Min-Version", String.valueOf(version))
                .send()
                .json();
        assertThat(scheme.get("status").asText()).isEqualTo("EFFECTED");
        assertThat(scheme.get("abolishedOn").asText()).isEqualTo("2022-07-01");
    }

    @Test
    @Order(4)
    void tameside_and_glossop_sends_glossop_to_derbyshire_and_the_rest_to_greater_manchester_and_both_ledgers_add_up() {
        tokens();
        String manchester = api.programmeManager("QOP");
        on(2022, 2, 1);
        List<Map<String, Object>> items = List.of(
                Map.of(
                        "kind",
                        "ASSET",
                        "description",
                        "Glossop primary care estate",
                        "receivingIcs",
                        "QJ2",
                        "valuePence",
                        1_250_000_00L),
                Map.of(
                        "kind",
                        "CONTRACT",
                        "description",
                        "Glossop community services",
                        "receivingIcs",
                        "QJ2",
                        "counterparty",
                        "Derbyshire Community Health Services",
                        "annualValuePence",
                        3_400_000_00L,
                        "endDate",
                        "2024-03-31",
                        "novationRequired",
                        true),
                Map.of(
                        "kind",
                        "STAFF",
                        "description",
                        "Glossop locality team",
                        "receivingIcs",
                        "QJ2",
                        "headcount",
                        14,
                        "wte",
                        11.6),
                Map.of("kind", "ASSET", "description", "Tameside offices", "valuePence", 8_000_000_00L),
                Map.of("kind", "LIABILITY", "description", "Continuing healthcare claims", "valuePence", 2_300_000_00L),
                Map.of("kind", "STAFF", "description", "Tameside commissioning", "headcount", 120, "wte", 101.25));
        long version = 0;
        for (Map<String, Object> item : items) {
            version = api.post("/api/v1/ccgs/01Y/transfer/items")
                    .token(manchester)
                    .json(item)
                    .send()
                    .json()
                    .get("version")
                    .asLong();
        }
        Api.Response refused = api.post("/api/v1/ccgs/01Y/transfer/items")
                .token(manchester)
                .json(Map.of("kind", "ASSET", "description", "Stray", "receivingIcs", "QT1", "valuePence", 1))
                .send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("RECEIVING_ICS_NOT_ALLOWED");

        JsonNode scheme = api.get("/api/v1/ccgs/01Y/transfer?size=50")
                .token(manchester)
                .header("X-Min-Version", String.valueOf(version))
                .send()
                .json();
        JsonNode derbyshire = api.get("/api/v1/systems/QJ2/transfers?size=500")
                .token(national)
                .send()
                .json();
        JsonNode manchesterLedger = api.get("/api/v1/systems/QOP/transfers?size=500")
                .token(national)
                .send()
                .json();

        assertThat(scheme.get("possibleReceivers").toString()).isEqualTo("[\"QOP\",\"QJ2\"]");
        assertThat(totalsFor(scheme, "QJ2").get("assetsPence").asLong()).isEqualTo(1_250_000_00L);
        assertThat(totalsFor(scheme, "QJ2").get("contractAnnualValuePence").asLong())
                .isEqualTo(3_400_000_00L);
        assertThat(totalsFor(scheme, "QJ2").get("headcount").asInt()).isEqualTo(14);
        assertThat(totalsFor(scheme, "QOP").get("netPositionPence").asLong()).isEqualTo(5_700_000_00L);
        assertThat(totalsFor(scheme, "QOP").get("wte").decimalValue()).isEqualByComparingTo("101.25");
        assertLedgerAddsUp(derbyshire, 3);
        assertLedgerAddsUp(manchesterLedger, 3);
        assertThat(derbyshire.get("byCcg").get(0).get("ccgCode").asText()).isEqualTo("01Y");

        // moving a Glossop item back to Greater Manchester moves it between the ledgers
        JsonNode moved = api.post("/api/v1/ccgs/01Y/transfer/items/T-1/amend")
                .token(manchester)
                .json(Map.of(
                        "kind",
                        "ASSET",
                        "description",
                        "Glossop primary care estate",
                        "receivingIcs",
                        "QOP",
                        "valuePence",
                        1_250_000_00L))
                .send()
                .json();
        api.get("/api/v1/ccgs/01Y/transfer")
                .token(manchester)
                .header("X-Min-Version", moved.get("version").asText())
                .send();
        assertLedgerAddsUp(
                api.get("/api/v1/systems/QJ2/transfers").token(national).send().json(), 2);
        assertLedgerAddsUp(
                api.get("/api/v1/systems/QOP/transfers").token(national).send().json(), 4);
    }

    // ---------------------------------------------------------------- steps

    private void on(int year, int month, int day) {
        clock.setToday(LocalDate.of(year, month, day));
    }

    private JsonNode post(String path, Object body) {
        Api.Call call = api.post(path).token(pm);
        if (body != null) {
            call.json(body);
        }
        Api.Response response = call.send();
        assertThat(response.status()).as(path + " answered " + response.body()).isEqualTo(200);
        assertThat(response.header("ETag"))
                .isEqualTo("\"" + response.json().get("version").asLong() + "\"");
        return response.json();
    }

    private long completeOnTime(String milestone, LocalDate on) {
        post("/api/v1/systems/QKS/milestones/" + milestone + "/start", null);
        return post(
                        "/api/v1/systems/QKS/milestones/" + milestone + "/complete",
                        Map.of(
                                "completedOn", on.toString(),
                                "evidence",
                                        List.of(Map.of("reference", "KM-" + milestone, "description", "Board paper"))))
                .get("version")
                .asLong();
    }

    private void candidate(String seat, String name, boolean mentalHealth) {
        post(
                "/api/v1/systems/QKS/board/roles/" + seat + "/candidate",
                Map.of("name", name, "conflictingPosts", List.of(), "mentalHealthExpertise", mentalHealth));
    }

    private void appoint(String seat, String name, boolean mentalHealth) {
        post("/api/v1/systems/QKS/board/roles/" + seat + "/recruitment", Map.of("process", "LOCAL"));
        candidate(seat, name, mentalHealth);
        post("/api/v1/systems/QKS/board/roles/" + seat + "/confirm-designate", null);
    }

    private void legislate(String milestone, String occurredOn) {
        Api.Response response = api.post("/api/v1/programme/legislative-milestones")
                .token(national)
                .json(Map.of("milestone", milestone, "occurredOn", occurredOn))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void awaitMilestones(long version) {
        Api.Response response = api.get("/api/v1/systems/QKS/milestones")
                .token(regional)
                .header("X-Min-Version", String.valueOf(version))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String status(String milestone) {
        for (JsonNode item : api.get("/api/v1/systems/QKS/milestones")
                .token(regional)
                .send()
                .json()
                .get("items")) {
            if (item.get("code").asText().equals(milestone)) {
                return item.get("status").asText();
            }
        }
        throw new AssertionError("no milestone " + milestone);
    }

    private String overallRatingInRegion(String ics) {
        JsonNode region =
                api.get("/api/v1/regions/Y59/readiness").token(regional).send().json();
        for (JsonNode system : region.get("systems")) {
            if (system.get("rating").get("code").asText().equals(ics)) {
                return system.get("rating").get("overallRating").asText();
            }
        }
        throw new AssertionError(ics + " is not in Y59's readiness: " + region);
    }

    /** The overdue milestones rated at the date, of the South West (Somerset among them) and of Kent and Medway. */
    private List<String> overdueAt(LocalDate at) {
        List<String> rows = new ArrayList<>();
        for (String filter : List.of("region=Y58", "ics=QKS")) {
            JsonNode overdue = api.get("/api/v1/readiness/overdue?size=500&" + filter + "&at=" + at)
                    .token(national)
                    .send()
                    .json();
            overdue.get("items")
                    .forEach(row -> rows.add(row.get("icsCode").asText() + " "
                            + row.get("milestone").asText()));
        }
        return rows;
    }

    private JsonNode programmeAt(String at) {
        return api.get("/api/v1/programme?at=" + at).token(regional).send().json();
    }

    private static JsonNode totalsFor(JsonNode scheme, String ics) {
        for (JsonNode totals : scheme.get("totals")) {
            if (totals.get("receivingIcs").asText().equals(ics)) {
                return totals;
            }
        }
        throw new AssertionError("no totals for " + ics + " in " + scheme);
    }

    /** The ledger's totals equal the sum of its items, and the per-CCG totals sum to them too. */
    private static void assertLedgerAddsUp(JsonNode ledger, int expectedItems) {
        long assets = 0;
        long liabilities = 0;
        long contracts = 0;
        long annual = 0;
        long headcount = 0;
        java.math.BigDecimal wte = java.math.BigDecimal.ZERO;
        for (JsonNode item : ledger.get("items").get("items")) {
            String kind = item.get("kind").asText();
            switch (kind) {
                case "ASSET" -> assets += item.get("valuePence").asLong();
                case "LIABILITY" -> liabilities += item.get("valuePence").asLong();
                case "CONTRACT" -> {
                    contracts++;
                    annual += item.get("annualValuePence").asLong();
                }
                default -> {
                    headcount += item.get("headcount").asLong();
                    wte = wte.add(item.get("wte").decimalValue());
                }
            }
        }
        JsonNode totals = ledger.get("totals");
        assertThat(ledger.get("items").get("totalItems").asInt()).isEqualTo(expectedItems);
        assertThat(totals.get("items").asInt()).isEqualTo(expectedItems);
        assertThat(totals.get("assetsPence").asLong()).isEqualTo(assets);
        assertThat(totals.get("liabilitiesPence").asLong()).isEqualTo(liabilities);
        assertThat(totals.get("netPositionPence").asLong()).isEqualTo(assets - liabilities);
        assertThat(totals.get("contractCount").asLong()).isEqualTo(contracts);
        assertThat(totals.get("contractAnnualValuePence").asLong()).isEqualTo(annual);
        assertThat(totals.get("headcount").asLong()).isEqualTo(headcount);
        assertThat(totals.get("wte").decimalValue()).isEqualByComparingTo(wte);
        long byCcgAssets = 0;
        for (JsonNode ccg : ledger.get("byCcg")) {
            byCcgAssets += ccg.get("totals").get("assetsPence").asLong();
        }
        assertThat(byCcgAssets).isEqualTo(assets);
    }
}
