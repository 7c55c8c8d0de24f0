package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * RFC 9110 §13.1: a write's {@code If-Match} is evaluated before the write is applied, so a stale version answers 412
 * whatever the rules of the domain would say, and changes nothing. One write of each family that the rules refuse is
 * sent twice: with the current version (the rule answers) and with a stale one (412). This class owns Mid and South
 * Essex (QH8) and its CCG Mid Essex (06Q); the programme is only ever refused here, so it is not changed.
 */
class PreconditionsFirstOverHttpTest extends EndToEndTest {

    private static final String QH8 = "/api/v1/systems/QH8";
    private static final String MID_ESSEX = "/api/v1/ccgs/06Q";

    private String manager;

    @BeforeEach
    void mid_and_south_essex() {
        clock.setToday(LocalDate.of(2021, 9, 1));
        manager = api.programmeManager("QH8");
    }

    @Test
    void milestones_a_stale_if_match_is_412_where_a_derived_milestone_would_be_refused_anyway() {
        String manual = milestoneOfKind("MANUAL");
        String derived = milestoneOfKind("DERIVED");
        long current = version(api.post(QH8 + "/milestones/" + manual + "/start")
                .token(manager)
                .send());

        assertPreconditionFirst(QH8, current, ifMatch -> api.post(QH8 + "/milestones/" + derived + "/complete")
                .token(manager)
                .header("If-Match", ifMatch)
                .json(Map.of("completedOn", "2021-08-31", "evidence", java.util.List.of()))
                .send());
    }

    @Test
    void board_a_stale_if_match_is_412_where_making_a_seat_without_a_designate_substantive_would_be_refused_anyway() {
        long current = version(api.post(QH8 + "/board/roles/CHAIR/recruitment")
                .token(manager)
                .json(Map.of("process", "NATIONAL"))
                .send());

        assertPreconditionFirst(QH8, current, ifMatch -> api.post(QH8 + "/board/roles/CHIEF_EXECUTIVE/make-substantive")
                .token(manager)
                .header("If-Match", ifMatch)
                .send());
    }

    @Test
    void due_diligence_a_stale_if_match_is_412_where_an_early_sign_off_would_be_refused_anyway() {
        long current = etag(QH8 + "/due-diligence");
        if (current == 0) {
            current = version(api.post(QH8 + "/due-diligence/start-planning")
                    .token(manager)
                    .send());
        }

        assertPreconditionFirst(QH8, current, ifMatch -> api.post(QH8 + "/due-diligence/sign-off")
                .token(manager)
                .header("If-Match", ifMatch)
                .json(Map.of("signatory", "A. N. Officer", "capacity", "DESIGNATE_CHIEF_EXECUTIVE"))
                .send());
    }

    @Test
    void constitution_and_mou_a_stale_if_match_is_412_where_the_rules_would_refuse_anyway() {
        long current = etag(QH8 + "/constitution");
        if (current == 0) {
            current = version(api.post(QH8 + "/mou/draft")
                    .token(manager)
                    .json(Map.of("documentReference", "MSE-MOU-1"))
                    .send());
        }
        String region = api.regionalTeam("Y61");

        assertPreconditionFirst(QH8, current, ifMatch -> api.post(QH8 + "/constitution/approve")
                .token(region)
                .header("If-Match", ifMatch)
                .send());
    }

    @Test
    void transfer_schemes_a_stale_if_match_is_412_where_effecting_a_draft_scheme_would_be_refused_anyway() {
        long current = version(api.post(MID_ESSEX + "/transfer/items")
                .token(manager)
                .json(Map.of("kind", "ASSET", "description", "Chelmsford offices", "valuePence", 100))
                .send());

        assertPreconditionFirst(MID_ESSEX, current, ifMatch -> api.post(MID_ESSEX + "/transfer/effect")
                .token(manager)
                .header("If-Match", ifMatch)
                .send());
    }

    @Test
    void register_imports_a_stale_if_match_is_412_where_the_register_would_be_refused_anyway() {
        long current = version(api.post(MID_ESSEX + "/transfer/items")
                .token(manager)
                .json(Map.of("kind", "ASSET", "description", "Basildon clinic", "valuePence", 100))
                .send());
        String misrouted = "kind,reference,description,receivingIcs,valuePence,counterparty,annualValuePence,endDate,"
                + "novationRequired,staffGroup,headcount,wte\r\n"
                + "ASSET,MSE-1,Sent to the wrong ICS,QHL,500,,,,,,,\r\n";

        assertPreconditionFirst(MID_ESSEX, current, ifMatch -> api.post(MID_ESSEX + "/transfer/imports")
                .token(manager)
                .header("If-Match", ifMatch)
                .bytes(misrouted.getBytes(StandardCharsets.UTF_8), "text/csv")
                .send());
    }

    @Test
    void programme_a_stale_if_match_is_412_where_a_rebaseline_before_the_programme_would_be_refused_anyway() {
        long current = etag("/api/v1/programme");
        // the programme is shared and only refused here: a version behind when other tests have moved it, else ahead
        long notCurrent = current > 0 ? current - 1 : current + 1;
        String national = api.nationalTeam();
        Map<String, Object> beforeTheProgramme = Map.of(
                "decidedOn", "2020-01-01", "establishmentDate", "2022-07-01", "reason", "too early to be allowed");

        Api.Response rule = api.post("/api/v1/programme/rebaseline")
                .token(national)
                .header("If-Match", "\"" + current + "\"")
                .json(beforeTheProgramme)
                .send();
        Api.Response stale = api.post("/api/v1/programme/rebaseline")
                .token(national)
                .header("If-Match", "\"" + notCurrent + "\"")
                .json(beforeTheProgramme)
                .send();

        assertThat(rule.status()).as("%s", rule).isIn(409, 422);
        assertThat(rule.json().path("code").asText()).isEqualTo("BASELINE_INVALID");
        assertThat(stale.status()).as("%s", stale).isEqualTo(412);
        assertThat(stale.json().path("code").asText()).isEqualTo("VERSION_MISMATCH");
        assertThat(etag("/api/v1/programme")).isEqualTo(current);
    }

    /**
     * The write, sent with the current version, is refused by a rule (409 or 422 with the rule's code); sent with the
     * version before it, it is 412 and the events of the aggregate are as they were.
     */
    private void assertPreconditionFirst(String aggregatePath, long current, Function<String, Api.Response> write) {
        assertThat(current).as("a version before the current one exists").isGreaterThan(0);
        String aggregate = aggregatePath.substring(aggregatePath.lastIndexOf('/') + 1);
        long events = events(aggregate);

        Api.Response stale = write.apply("\"" + (current - 1) + "\"");
        Api.Response rule = write.apply("\"" + current + "\"");

        assertThat(stale.status()).as("stale: %s", stale).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.json().path("code").asText()).isEqualTo("VERSION_MISMATCH");
        assertThat(rule.status()).as("current: %s", rule).isIn(409, 422);
        assertThat(rule.json().path("code").asText()).isNotEqualTo("VERSION_MISMATCH");
        assertThat(events(aggregate)).as("events of %s", aggregate).isEqualTo(events);
    }

    private String milestoneOfKind(String kind) {
        JsonNode milestones =
                api.get(QH8 + "/milestones?size=100").token(manager).send().json();
        for (JsonNode milestone : milestones.path("items")) {
            if (milestone.path("kind").asText().equals(kind)
                    && milestone.path("status").asText().equals("NOT_STARTED")) {
                return milestone.path("code").asText();
            }
        }
        throw new AssertionError("no " + kind + " milestone not started in " + milestones);
    }

    private static long version(Api.Response write) {
        assertThat(write.status()).as("%s", write).isEqualTo(200);
        return write.json().path("version").asLong();
    }

    private long etag(String path) {
        Api.Response read = api.get(path).token(api.nationalTeam()).send();
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        return Long.parseLong(read.header("ETag").replace("\"", ""));
    }

    private long events(String aggregate) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregate)
                .query(Long.class)
                .single();
    }
}
