package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;

/**
 * Bad input on every write (and the reads' parameters), end to end: each is refused with the status the contract
 * names, as problem details with a stable code and the field at fault, without a trace of the implementation, and
 * without changing anything. Works only on Cumbria and North East (QHM) and its CCGs; the national programme is only
 * ever sent requests it must refuse.
 */
class BadInputTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The business date of every test: in Q1, after the programme began. */
    private static final LocalDate TODAY = LocalDate.of(2021, 6, 15);

    private static final String ICS = "QHM";
    private static final String CCG = "13T";
    private static final String PROGRAMME = "ENGLAND";

    private static final String MILESTONE = "/api/v1/systems/QHM/milestones/Q1-SDP-UPDATED";
    private static final String COMPLETE = MILESTONE + "/complete";
    private static final String AT_RISK = MILESTONE + "/at-risk";
    private static final String REOPEN = MILESTONE + "/reopen";
    private static final String ROLES = "/api/v1/systems/QHM/board/roles";
    private static final String DUE_DILIGENCE = "/api/v1/systems/QHM/due-diligence";
    private static final String DD_ITEMS = DUE_DILIGENCE + "/items";
    private static final String TRANSFER_ITEMS = "/api/v1/ccgs/13T/transfer/items";
    private static final String LEGISLATION = "/api/v1/programme/legislative-milestones";

    /** What a refusal must never show: stack traces, class or package names, SQL. */
    private static final List<String> LEAKS = List.of(
            "Exception",
            "java.",
            "org.",
            "com.fasterxml",
            "uk.nhs.",
            "at uk.",
            "\tat ",
            "SELECT",
            "INSERT",
            "Caused by");

    private static final String FUTURE = TODAY.plusDays(1).toString();
    private static final String PAST = TODAY.minusDays(5).toString();

    private static final String VALIDATION = "VALIDATION_FAILED";
    private static final String INVALID = "INVALID_INPUT";
    private static final String MALFORMED = "MALFORMED_REQUEST";
    private static final String NOT_FOUND = "NOT_FOUND";

    private String manager;
    private String national;

    /**
     * One bad request and how it must be refused.
     *
     * @param name what is wrong, for the report
     * @param asNational whether it is sent with the national team's token (else QHM's programme manager's)
     * @param field the field the {@code errors} list must name, or null when the input was not a field
     */
    record Case(
            String name,
            String method,
            String path,
            String body,
            boolean asNational,
            int status,
            String code,
            String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void qhm_has_a_milestone_in_progress_and_due_diligence_planning() {
        clock.setToday(TODAY);
        manager = api.programmeManager(ICS);
        national = api.nationalTeam();

        Api.Response started = api.post(MILESTONE + "/start").token(manager).send();
        assertThat(started.status()).as("start Q1-SDP-UPDATED: %s", started).isIn(200, 409);
        if (started.status() == 409) {
            assertThat(started.json().path("code").asText()).isEqualTo("INVALID_MILESTONE_TRANSITION");
        }
        Api.Response planning =
                api.post(DUE_DILIGENCE + "/start-planning").token(manager).send();
        assertThat(planning.status())
                .as("start due diligence planning: %s", planning)
                .isIn(200, 409);
        if (planning.status() == 409) {
            assertThat(planning.json().path("code").asText()).isEqualTo("DUE_DILIGENCE_ALREADY_STARTED");
        }
    }

    @Test
    void a_valid_request_is_counted_so_a_refused_one_is_seen_to_change_nothing() {
        long before = events(ICS);

        Api.Response flagged = api.post(AT_RISK)
                .token(manager)
                .json(json(map("reason", "the plan is waiting for the board")))
                .send();
        long afterFlag = events(ICS);
        Api.Response cleared = api.post(MILESTONE + "/clear-risk")
                .token(manager)
                .json(json(map("reason", "the board met")))
                .send();

        assertThat(flagged.status()).as("%s", flagged).isEqualTo(200);
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(200);
        assertThat(afterFlag).isGreaterThan(before);
        assertThat(events(ICS)).isGreaterThan(afterFlag);
    }

    // ------------------------------------------------------------------------------------------------ 400

    static Stream<Case> malformedJson() {
        return Stream.of(
                post(
                        "a truncated object",
                        COMPLETE,
                        "{\"completedOn\": \"" + PAST + "\", \"evidence\": [",
                        400,
                        MALFORMED),
                post("single-quoted names and strings", AT_RISK, "{reason: 'the plan is late'}", 400, MALFORMED),
                post("plain text sent as JSON", DD_ITEMS, "not json at all", 400, MALFORMED),
                post("a doubled comma", TRANSFER_ITEMS, "{\"kind\": \"ASSET\",, \"valuePence\": 1}", 400, MALFORMED),
                post("an empty body", ROLES + "/CHAIR/recruitment", "", 400, MALFORMED),
                post("an unterminated string", ROLES + "/CHAIR/candidate", "{\"name\": \"Ann", 400, MALFORMED),
                post(
                        "a second JSON document after the first",
                        REOPEN,
                        "{\"reason\": \"one\"} {\"reason\": \"two\"}",
                        400,
                        MALFORMED),
                post("garbage after the object", REOPEN, "{\"reason\": \"one\"} trailing", 400, MALFORMED),
                national(
                        "a truncated legislative milestone",
                        LEGISLATION,
                        "{\"milestone\": \"INTRODUCED\"",
                        400,
                        MALFORMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedJson")
    void malformed_json_is_refused_with_400_and_changes_nothing(Case bad) {
        refusedWithoutChange(bad);
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_415_as_problem_details() {
        Case bad = new Case("text/plain", "POST", AT_RISK, null, false, 415, "UNSUPPORTED_MEDIA_TYPE", null);
        long before = events(ICS);

        Api.Response response = api.post(AT_RISK)
                .token(manager)
                .header("Content-Type", "text/plain")
                .json("the plan is late")
                .send();

        assertRefused(bad, response);
        assertThat(events(ICS)).as("events of QHM").isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------------ 422

    static Stream<Case> wrongTypes() {
        return Stream.of(
                post(
                        "completedOn is a boolean",
                        COMPLETE,
                        "{\"completedOn\": true, \"evidence\": [" + evidenceJson() + "]}",
                        422,
                        VALIDATION,
                        "completedOn"),
                post(
                        "completedOn is not a real date",
                        COMPLETE,
                        "{\"completedOn\": \"2021-02-30\", \"evidence\": [" + evidenceJson() + "]}",
                        422,
                        VALIDATION,
                        "completedOn"),
                post(
                        "completedOn is in another format",
                        COMPLETE,
                        "{\"completedOn\": \"10/06/2021\", \"evidence\": [" + evidenceJson() + "]}",
                        422,
                        VALIDATION,
                        "completedOn"),
                post(
                        "evidence is a string",
                        COMPLETE,
                        "{\"completedOn\": \"" + FUTURE + "\", \"evidence\": \"a letter\"}",
                        422,
                        VALIDATION,
                        "evidence"),
                post(
                        "an evidence reference is an object",
                        COMPLETE,
                        "{\"completedOn\": \"" + FUTURE + "\", \"evidence\": [{\"reference\": {\"a\": 1},"
                                + " \"description\": \"d\"}]}",
                        422,
                        VALIDATION,
                        "evidence[0].reference"),
                post(
                        "reason is an array",
                        AT_RISK,
                        "{\"reason\": [\"late\", \"very late\"]}",
                        422,
                        VALIDATION,
                        "reason"),
                post(
                        "mentalHealthExpertise is a word",
                        ROLES + "/CHAIR/candidate",
                        "{\"name\": \"Ann Smith\", \"conflictingPosts\": [], \"mentalHealthExpertise\": \"yes\"}",
                        422,
                        VALIDATION,
                        "mentalHealthExpertise"),
                post(
                        "conflictingPosts is a string",
                        ROLES + "/CHAIR/candidate",
                        "{\"name\": \"Ann Smith\", \"conflictingPosts\": \"none\"}",
                        422,
                        VALIDATION,
                        "conflictingPosts"),
                post(
                        "valuePence is words",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"ASSET\", \"description\": \"Leased cars\", \"valuePence\": \"a lot\"}",
                        422,
                        VALIDATION,
                        "valuePence"),
                post(
                        "headcount is fractional",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"STAFF\", \"description\": \"Finance team\", \"headcount\": 3.7, \"wte\": 3.5}",
                        422,
                        VALIDATION,
                        "headcount"),
                post(
                        "novationRequired is a word",
                        TRANSFER_ITEMS,
                        contract("\"novationRequired\": \"maybe\""),
                        422,
                        VALIDATION,
                        "novationRequired"),
                post(
                        "endDate is in another format",
                        TRANSFER_ITEMS,
                        contract("\"endDate\": \"31/03/2023\""),
                        422,
                        VALIDATION,
                        "endDate"),
                post(
                        "valuePence is larger than any number of pence",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"ASSET\", \"description\": \"Leased cars\","
                                + " \"valuePence\": 123456789012345678901234567890}",
                        422,
                        VALIDATION,
                        "valuePence"),
                national(
                        "occurredOn is a word",
                        LEGISLATION,
                        "{\"milestone\": \"INTRODUCED\", \"occurredOn\": \"yesterday\"}",
                        422,
                        VALIDATION,
                        "occurredOn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void input_of_the_wrong_type_is_refused_with_422_naming_the_field(Case bad) {
        refusedWithoutChange(bad);
    }

    static Stream<Case> unknownEnumValues() {
        return Stream.of(
                post(
                        "an unknown recruitment process",
                        ROLES + "/CHAIR/recruitment",
                        "{\"process\": \"REGIONAL\"}",
                        422,
                        VALIDATION,
                        "process"),
                post(
                        "a recruitment process in lower case",
                        ROLES + "/CHAIR/recruitment",
                        "{\"process\": \"local\"}",
                        422,
                        VALIDATION,
                        "process"),
                post(
                        "a recruitment process given as its number",
                        ROLES + "/CHAIR/recruitment",
                        "{\"process\": 0}",
                        422,
                        VALIDATION,
                        "process"),
                post(
                        "an unknown due diligence area",
                        DD_ITEMS,
                        "{\"category\": \"GOSSIP\", \"title\": \"Rumours\"}",
                        422,
                        VALIDATION,
                        "category"),
                post(
                        "an unknown assessment outcome",
                        DD_ITEMS + "/DD-1/assess",
                        "{\"outcome\": \"MAYBE\"}",
                        422,
                        VALIDATION,
                        "outcome"),
                post(
                        "an unknown risk rating",
                        DD_ITEMS + "/DD-1/assess",
                        "{\"outcome\": \"ISSUE\", \"risk\": \"APOCALYPTIC\"}",
                        422,
                        VALIDATION,
                        "risk"),
                post(
                        "an unknown transfer item kind",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"FURNITURE\", \"description\": \"Desks\", \"valuePence\": 100}",
                        422,
                        VALIDATION,
                        "kind"),
                national(
                        "an unknown legislative milestone",
                        LEGISLATION,
                        "{\"milestone\": \"FIRST_READING\", \"occurredOn\": \"2030-01-01\"}",
                        422,
                        VALIDATION,
                        "milestone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownEnumValues")
    void unknown_enum_values_are_refused_with_422_naming_the_field(Case bad) {
        refusedWithoutChange(bad);
    }

    static Stream<Case> badCompletionDates() {
        return Stream.of(
                post("completed tomorrow", COMPLETE, completion(FUTURE), 422, "DATE_IN_FUTURE", "completedOn"),
                post("completed next year", COMPLETE, completion("2022-06-15"), 422, "DATE_IN_FUTURE", "completedOn"),
                post(
                        "completed the day before the programme began",
                        COMPLETE,
                        completion("2021-03-31"),
                        422,
                        "DATE_BEFORE_PROGRAMME",
                        "completedOn"),
                post(
                        "completed before the programme began",
                        COMPLETE,
                        completion("2020-12-31"),
                        422,
                        "DATE_BEFORE_PROGRAMME",
                        "completedOn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCompletionDates")
    void a_milestone_completed_in_the_future_or_before_the_programme_is_refused(Case bad) {
        refusedWithoutChange(bad);
    }

    @Test
    void a_legislative_milestone_dated_in_the_future_is_refused_with_date_in_future() {
        LegislativeMilestone next = nextUnrecordedStage();

        refusedWithoutChange(national(
                next + " tomorrow",
                LEGISLATION,
                json(map("milestone", next.name(), "occurredOn", FUTURE)),
                422,
                "DATE_IN_FUTURE",
                "occurredOn"));
    }

    @Test
    void a_legislative_milestone_dated_before_the_programme_is_refused() {
        LegislativeMilestone next = nextUnrecordedStage();

        refusedWithoutChange(national(
                next + " before the programme",
                LEGISLATION,
                json(map("milestone", next.name(), "occurredOn", "2021-03-31")),
                422,
                "DATE_BEFORE_PROGRAMME",
                "occurredOn"));
    }

    static Stream<Case> badMoneyAndStaffNumbers() {
        return Stream.of(
                post("a negative asset value", TRANSFER_ITEMS, asset("-1"), 422, INVALID, "valuePence"),
                post(
                        "a negative liability value",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"LIABILITY\", \"description\": \"Dilapidations\", \"valuePence\": -250000}",
                        422,
                        INVALID,
                        "valuePence"),
                post(
                        "a negative annual contract value",
                        TRANSFER_ITEMS,
                        contract("\"annualValuePence\": -100"),
                        422,
                        INVALID,
                        "annualValuePence"),
                post("one and a half pence", TRANSFER_ITEMS, asset("1.5"), 422, VALIDATION, "valuePence"),
                post(
                        "a contract worth a fraction of a penny",
                        TRANSFER_ITEMS,
                        contract("\"annualValuePence\": 100.25"),
                        422,
                        VALIDATION,
                        "annualValuePence"),
                post("money in exponent notation", TRANSFER_ITEMS, asset("1.5e2"), 422, VALIDATION, "valuePence"),
                post("a negative headcount", TRANSFER_ITEMS, staff("-1", "1.00"), 422, INVALID, "headcount"),
                post("negative whole-time equivalents", TRANSFER_ITEMS, staff("2", "-0.5"), 422, INVALID, "wte"),
                post(
                        "whole-time equivalents with three decimals",
                        TRANSFER_ITEMS,
                        staff("2", "1.234"),
                        422,
                        INVALID,
                        "wte"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMoneyAndStaffNumbers")
    void negative_or_fractional_money_and_impossible_staff_numbers_are_refused(Case bad) {
        refusedWithoutChange(bad);
    }

    static Stream<Case> overLongText() {
        String name = "n".repeat(201);
        String reason = "r".repeat(4001);
        return Stream.of(
                post(
                        "an evidence reference of 201 characters",
                        COMPLETE,
                        json(map(
                                "completedOn",
                                FUTURE,
                                "evidence",
                                List.of(map("reference", name, "description", "what it shows")))),
                        422,
                        VALIDATION,
                        "evidence[0].reference"),
                post(
                        "an evidence description of 4001 characters",
                        COMPLETE,
                        json(map(
                                "completedOn",
                                FUTURE,
                                "evidence",
                                List.of(map("reference", "SDP v2", "description", reason)))),
                        422,
                        VALIDATION,
                        "evidence[0].description"),
                post(
                        "an at-risk reason of 4001 characters",
                        AT_RISK,
                        json(map("reason", reason)),
                        422,
                        VALIDATION,
                        "reason"),
                post(
                        "a reopening reason of 4001 characters",
                        REOPEN,
                        json(map("reason", reason)),
                        422,
                        VALIDATION,
                        "reason"),
                post(
                        "a candidate name of 201 characters",
                        ROLES + "/CHAIR/candidate",
                        json(map("name", name)),
                        422,
                        VALIDATION,
                        "name"),
                post(
                        "a conflicting post of 201 characters",
                        ROLES + "/CHAIR/candidate",
                        json(map("name", "Ann Smith", "conflictingPosts", List.of(name))),
                        422,
                        VALIDATION,
                        "conflictingPosts[0]"),
                post(
                        "a due diligence title of 201 characters",
                        DD_ITEMS,
                        json(map("category", "CONTRACTS", "title", name)),
                        422,
                        VALIDATION,
                        "title"),
                post(
                        "a mitigation of 4001 characters",
                        DD_ITEMS + "/DD-1/assess",
                        json(map("outcome", "ISSUE", "risk", "HIGH", "mitigation", reason)),
                        422,
                        VALIDATION,
                        "mitigation"),
                post(
                        "a transfer item description of 201 characters",
                        TRANSFER_ITEMS,
                        json(map("kind", "ASSET", "description", name, "valuePence", 100)),
                        422,
                        VALIDATION,
                        "description"),
                post(
                        "a counterparty of 201 characters",
                        TRANSFER_ITEMS,
                        contract("\"counterparty\": \"" + name + "\""),
                        422,
                        VALIDATION,
                        "counterparty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overLongText")
    void over_long_text_is_refused_with_422_naming_the_field(Case bad) {
        refusedWithoutChange(bad);
    }

    static Stream<Case> controlCharacters() {
        return Stream.of(
                post("a bell in an at-risk reason", AT_RISK, json(map("reason", "late\u0007")), 422, INVALID, "reason"),
                post(
                        "a NUL in a candidate name",
                        ROLES + "/CHAIR/candidate",
                        json(map("name", "Ann\u0000Smith")),
                        422,
                        INVALID,
                        "name"),
                post(
                        "an escape in a due diligence title",
                        DD_ITEMS,
                        json(map("category", "CONTRACTS", "title", "Leases\u001b[31m")),
                        422,
                        INVALID,
                        "title"),
                post(
                        "a NUL in an evidence reference",
                        COMPLETE,
                        json(map(
                                "completedOn",
                                FUTURE,
                                "evidence",
                                List.of(map("reference", "SDP\u0000", "description", "what it shows")))),
                        422,
                        INVALID,
                        "evidence[0].reference"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharacters")
    void text_with_control_characters_is_refused_with_422_naming_the_field(Case bad) {
        refusedWithoutChange(bad);
    }

    static Stream<Case> unknownFields() {
        return Stream.of(
                post(
                        "approvedBy on a completion",
                        COMPLETE,
                        "{\"completedOn\": \"" + FUTURE + "\", \"evidence\": [" + evidenceJson() + "],"
                                + " \"approvedBy\": \"me\"}",
                        422,
                        VALIDATION,
                        "approvedBy"),
                post(
                        "url on an evidence item",
                        COMPLETE,
                        "{\"completedOn\": \"" + FUTURE + "\", \"evidence\": [{\"reference\": \"SDP v2\","
                                + " \"description\": \"d\", \"url\": \"http://x\"}]}",
                        422,
                        VALIDATION,
                        "evidence[0].url"),
                post(
                        "severity on an at-risk flag",
                        AT_RISK,
                        "{\"reason\": \"late\", \"severity\": \"HIGH\"}",
                        422,
                        VALIDATION,
                        "severity"),
                post(
                        "salary on a recruitment",
                        ROLES + "/CHAIR/recruitment",
                        "{\"process\": \"LOCAL\", \"salary\": 150000}",
                        422,
                        VALIDATION,
                        "salary"),
                post(
                        "owner on a due diligence item",
                        DD_ITEMS,
                        "{\"category\": \"CONTRACTS\", \"title\": \"Leases\", \"owner\": \"Bob\"}",
                        422,
                        VALIDATION,
                        "owner"),
                post(
                        "valuePounds on a transfer item",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"ASSET\", \"description\": \"Cars\", \"valuePence\": -1, \"valuePounds\": 12}",
                        422,
                        VALIDATION,
                        "valuePounds"),
                national(
                        "house on a legislative milestone",
                        LEGISLATION,
                        "{\"milestone\": \"INTRODUCED\", \"occurredOn\": \"2030-01-01\", \"house\": \"Lords\"}",
                        422,
                        VALIDATION,
                        "house"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownFields")
    void fields_the_operation_does_not_take_are_refused_with_422_naming_them(Case bad) {
        refusedWithoutChange(bad);
    }

    static Stream<Case> missingFields() {
        return Stream.of(
                post(
                        "a completion without completedOn",
                        COMPLETE,
                        "{\"evidence\": [" + evidenceJson() + "]}",
                        422,
                        VALIDATION,
                        "completedOn"),
                post(
                        "a completion without evidence",
                        COMPLETE,
                        "{\"completedOn\": \"" + FUTURE + "\"}",
                        422,
                        VALIDATION,
                        "evidence"),
                post(
                        "evidence without a description",
                        COMPLETE,
                        "{\"completedOn\": \"" + FUTURE + "\", \"evidence\": [{\"reference\": \"SDP v2\"}]}",
                        422,
                        VALIDATION,
                        "evidence[0].description"),
                post(
                        "an empty evidence entry",
                        COMPLETE,
                        "{\"completedOn\": \"" + FUTURE + "\", \"evidence\": [null]}",
                        422,
                        VALIDATION,
                        "evidence[0]"),
                post("an at-risk flag without a reason", AT_RISK, "{}", 422, VALIDATION, "reason"),
                post(
                        "an at-risk flag with a blank reason",
                        AT_RISK,
                        "{\"reason\": \"   \"}",
                        422,
                        VALIDATION,
                        "reason"),
                post("a recruitment without a process", ROLES + "/CHAIR/recruitment", "{}", 422, VALIDATION, "process"),
                post(
                        "a recruitment with a null process",
                        ROLES + "/CHAIR/recruitment",
                        "{\"process\": null}",
                        422,
                        VALIDATION,
                        "process"),
                post(
                        "a candidate without a name",
                        ROLES + "/CHAIR/candidate",
                        "{\"conflictingPosts\": []}",
                        422,
                        VALIDATION,
                        "name"),
                post(
                        "a due diligence item without a category",
                        DD_ITEMS,
                        "{\"title\": \"Leases\"}",
                        422,
                        VALIDATION,
                        "category"),
                post(
                        "a due diligence item without a title",
                        DD_ITEMS,
                        "{\"category\": \"CONTRACTS\"}",
                        422,
                        VALIDATION,
                        "title"),
                post("an assessment without an outcome", DD_ITEMS + "/DD-1/assess", "{}", 422, VALIDATION, "outcome"),
                post(
                        "a transfer item without a kind",
                        TRANSFER_ITEMS,
                        "{\"description\": \"Cars\", \"valuePence\": 100}",
                        422,
                        VALIDATION,
                        "kind"),
                post(
                        "a transfer item without a description",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"ASSET\", \"valuePence\": 100}",
                        422,
                        VALIDATION,
                        "description"),
                post(
                        "an asset without its value",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"ASSET\", \"description\": \"Cars\"}",
                        422,
                        INVALID,
                        "valuePence"),
                post(
                        "staff without whole-time equivalents",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"STAFF\", \"description\": \"Finance team\", \"headcount\": 4}",
                        422,
                        INVALID,
                        "wte"),
                post(
                        "staff without a headcount",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"STAFF\", \"description\": \"Finance team\", \"wte\": 3.5}",
                        422,
                        INVALID,
                        "headcount"),
                post(
                        "a contract without a counterparty",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"CONTRACT\", \"description\": \"Community services\", \"annualValuePence\": 100,"
                                + " \"endDate\": \"2023-03-31\"}",
                        422,
                        INVALID,
                        "counterparty"),
                post(
                        "a contract without an end date",
                        TRANSFER_ITEMS,
                        "{\"kind\": \"CONTRACT\", \"description\": \"Community services\", \"annualValuePence\": 100,"
                                + " \"counterparty\": \"Acme Health\"}",
                        422,
                        INVALID,
                        "endDate"),
                national(
                        "a legislative milestone without its stage",
                        LEGISLATION,
                        "{\"occurredOn\": \"2030-01-01\"}",
                        422,
                        VALIDATION,
                        "milestone"),
                national(
                        "a legislative milestone without its date",
                        LEGISLATION,
                        "{\"milestone\": \"INTRODUCED\"}",
                        422,
                        VALIDATION,
                        "occurredOn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingFields")
    void missing_required_fields_are_refused_with_422_naming_them(Case bad) {
        refusedWithoutChange(bad);
    }

    // ------------------------------------------------------------------------------------------------ 404

    static Stream<Case> unknownThings() {
        return Stream.of(
                post(
                        "an unknown ICS",
                        "/api/v1/systems/QZZ/milestones/Q1-SDP-UPDATED/complete",
                        completion(PAST),
                        404,
                        NOT_FOUND,
                        null),
                post(
                        "an ICS code in lower case",
                        "/api/v1/systems/qhm/milestones/Q1-SDP-UPDATED/at-risk",
                        json(map("reason", "late")),
                        404,
                        NOT_FOUND,
                        null),
                post("an unknown CCG", "/api/v1/ccgs/ZZZ99/transfer/items", asset("100"), 404, NOT_FOUND, null),
                post("a CCG code in lower case", "/api/v1/ccgs/13t/transfer/items", asset("100"), 404, NOT_FOUND, null),
                post(
                        "an unknown milestone",
                        "/api/v1/systems/QHM/milestones/Q9-NOTHING/complete",
                        completion(PAST),
                        404,
                        "UNKNOWN_MILESTONE",
                        null),
                post(
                        "a milestone code in lower case",
                        "/api/v1/systems/QHM/milestones/q1-sdp-updated/at-risk",
                        json(map("reason", "late")),
                        404,
                        "UNKNOWN_MILESTONE",
                        null),
                post(
                        "an unknown board role",
                        ROLES + "/KING/recruitment",
                        json(map("process", "NATIONAL")),
                        404,
                        "UNKNOWN_BOARD_SEAT",
                        null),
                post(
                        "a seat number beyond the last",
                        ROLES + "/INDEPENDENT_NED-99/candidate",
                        json(map("name", "Ann Smith")),
                        404,
                        "UNKNOWN_BOARD_SEAT",
                        null),
                post(
                        "a seat number on a single-seat role",
                        ROLES + "/CHAIR-1/recruitment",
                        json(map("process", "NATIONAL")),
                        404,
                        "UNKNOWN_BOARD_SEAT",
                        null),
                post(
                        "a multi-seat role without its seat number",
                        ROLES + "/INDEPENDENT_NED/recruitment",
                        json(map("process", "LOCAL")),
                        404,
                        "UNKNOWN_BOARD_SEAT",
                        null),
                post(
                        "an unknown due diligence item",
                        DD_ITEMS + "/DD-999/assess",
                        json(map("outcome", "ASSURED")),
                        404,
                        "UNKNOWN_DUE_DILIGENCE_ITEM",
                        null),
                post(
                        "an unknown transfer item",
                        TRANSFER_ITEMS + "/T-99999/withdraw",
                        json(map("reason", "gone")),
                        404,
                        "UNKNOWN_TRANSFER_ITEM",
                        null),
                post(
                        "an unknown receiving ICS",
                        TRANSFER_ITEMS,
                        json(map("kind", "ASSET", "description", "Cars", "valuePence", 100, "receivingIcs", "QZZ")),
                        404,
                        "UNKNOWN_ORGANISATION",
                        "receivingIcs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownThings")
    void unknown_organisations_milestones_seats_and_items_are_404(Case bad) {
        refusedWithoutChange(bad);
    }

    static Stream<Arguments404or422> scriptsAndSql() {
        return Stream.of(
                new Arguments404or422(
                        "SQL in an ICS code (read)",
                        "GET",
                        "/api/v1/systems/QHM'%3B%20DROP%20TABLE%20x--/milestones",
                        null),
                new Arguments404or422(
                        "SQL in an ICS code (write)",
                        "POST",
                        "/api/v1/systems/QHM'%3B%20DROP%20TABLE%20x--/milestones/Q1-SDP-UPDATED/complete",
                        completion(PAST)),
                new Arguments404or422(
                        "SQL without a semicolon in an ICS code",
                        "POST",
                        "/api/v1/systems/QHM'%20OR%20'1'%3D'1/milestones/Q1-SDP-UPDATED/at-risk",
                        json(map("reason", "late"))),
                new Arguments404or422(
                        "a script as a CCG code (read)", "GET", "/api/v1/ccgs/%3Cscript%3E/transfer", null),
                new Arguments404or422(
                        "a script as a CCG code (write)",
                        "POST",
                        "/api/v1/ccgs/%3Cscript%3E/transfer/items",
                        asset("100")),
                new Arguments404or422(
                        "an svg onload as a milestone code",
                        "POST",
                        "/api/v1/systems/QHM/milestones/%3Csvg%20onload%3Dalert(1)%3E/complete",
                        completion(PAST)),
                new Arguments404or422(
                        "SQL in a milestone code",
                        "POST",
                        "/api/v1/systems/QHM/milestones/Q1-SDP-UPDATED'%20OR%20'1'%3D'1/at-risk",
                        json(map("reason", "late"))),
                new Arguments404or422(
                        "an img onerror as a board role",
                        "POST",
                        ROLES + "/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/recruitment",
                        json(map("process", "NATIONAL"))),
                new Arguments404or422(
                        "a script as a due diligence item",
                        "POST",
                        DD_ITEMS + "/%3Cscript%3Ealert(1)%3C%2Fscript%3E/assess",
                        json(map("outcome", "ASSURED"))),
                new Arguments404or422(
                        "an svg as a due diligence item",
                        "POST",
                        DD_ITEMS + "/%3Csvg%20onload%3Dalert(1)%3E/assess",
                        json(map("outcome", "ASSURED"))),
                new Arguments404or422(
                        "SQL as a transfer item",
                        "POST",
                        TRANSFER_ITEMS + "/T-1%20UNION%20SELECT%201/withdraw",
                        json(map("reason", "gone"))));
    }

    /** A path value that looks like SQL or a script. */
    record Arguments404or422(String name, String method, String path, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scriptsAndSql")
    void path_values_that_look_like_sql_or_script_are_404_or_422_and_never_echoed(Arguments404or422 bad) {
        long before = events(ICS);
        long ccgBefore = events(CCG);

        Api.Call call = api.request(bad.method(), bad.path()).token(manager);
        if (bad.body() != null) {
            call.json(bad.body());
        }
        Api.Response response = call.send();

        assertThat(response.status()).as("%s: %s", bad, response).isIn(404, 422);
        assertProblemShape(bad.name(), response);
        assertThat(response.body())
                .as("%s must not echo the raw input", bad)
                .doesNotContain(
                        "<script", "<svg", "<img", "onload=", "onerror=", "DROP TABLE", "OR '1'='1", "UNION SELECT");
        assertThat(events(ICS)).as("events of QHM").isEqualTo(before);
        assertThat(events(CCG)).as("events of 13T").isEqualTo(ccgBefore);
    }

    // --------------------------------------------------------------------------------- reads' parameters

    static Stream<Case> badQueryParameters() {
        return Stream.of(
                get("asOf is not a date", "/api/v1/systems/QHM/milestones?asOf=not-a-date", false, "asOf"),
                get("at is not a real date", "/api/v1/systems/QHM/milestones?at=2021-13-45", false, "at"),
                get("size is negative", "/api/v1/systems/QHM/milestones?size=-1", false, "size"),
                get("page is negative", "/api/v1/systems/QHM/milestones?page=-1", false, "page"),
                get("size is a word", "/api/v1/systems/QHM/milestones?size=ten", false, "size"),
                get("at is the 30th of February", "/api/v1/systems/QHM?at=2021-02-30", false, "at"),
                get("asOf is a date without a time", "/api/v1/systems/QHM/board?asOf=2021-06-01", false, "asOf"),
                get(
                        "asOf is a word on due diligence",
                        "/api/v1/systems/QHM/due-diligence?asOf=yesterday",
                        false,
                        "asOf"),
                get("asOf is a word on the constitution", "/api/v1/systems/QHM/constitution?asOf=soon", false, "asOf"),
                get("size is negative on a transfer scheme", "/api/v1/ccgs/13T/transfer?size=-1", false, "size"),
                get("page is negative on a ledger", "/api/v1/systems/QHM/transfers?page=-5", false, "page"),
                get("size is negative on the systems list", "/api/v1/systems?size=-1", false, "size"),
                get("the ICS filter is in lower case", "/api/v1/ccgs?ics=qhm", false, "ics"),
                get("at is not a real date on the programme", "/api/v1/programme?at=2021-13-45", false, "at"),
                get("at is not a real date on national readiness", "/api/v1/readiness?at=2021-13-45", true, "at"),
                get("size is zero on the overdue list", "/api/v1/readiness/overdue?size=0", true, "size"),
                get(
                        "asOf is not a date on a region's readiness",
                        "/api/v1/regions/Y63/readiness?asOf=not-a-date",
                        true,
                        "asOf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueryParameters")
    void malformed_query_parameters_on_reads_are_422_naming_the_parameter(Case bad) {
        refusedWithoutChange(bad);
    }

    @Test
    void a_malformed_min_version_header_on_a_read_is_422_naming_the_header() {
        Api.Response response = api.get("/api/v1/systems/QHM/milestones")
                .token(manager)
                .header("X-Min-Version", "latest")
                .send();

        assertRefused(new Case("X-Min-Version", "GET", null, null, false, 422, INVALID, "X-Min-Version"), response);
    }

    /** A write with a malformed header of the conventions. */
    record HeaderCase(String name, String header, String value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<HeaderCase> badWriteHeaders() {
        return Stream.of(
                new HeaderCase("If-Match is not an ETag", "If-Match", "banana"),
                new HeaderCase("If-Match is a negative version", "If-Match", "\"-3\""),
                new HeaderCase("Idempotency-Key has spaces and punctuation", "Idempotency-Key", "not a key!"),
                new HeaderCase("Idempotency-Key is longer than 200 characters", "Idempotency-Key", "k".repeat(201)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badWriteHeaders")
    void malformed_version_and_idempotency_headers_on_writes_are_422_naming_the_header(HeaderCase bad) {
        long before = events(ICS);

        // reopening a milestone in progress is refused by the domain (409) if the header were ever let through
        Api.Response response = api.post(REOPEN)
                .token(manager)
                .header(bad.header(), bad.value())
                .json(json(map("reason", "the plan needs another look")))
                .send();

        assertRefused(new Case(bad.name(), "POST", REOPEN, null, false, 422, INVALID, bad.header()), response);
        assertThat(events(ICS)).as("events of QHM").isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------------ 413

    @Test
    void a_body_over_one_megabyte_with_a_content_length_is_refused_with_413() throws Exception {
        byte[] body = hugeReason();
        long before = events(ICS);

        HttpRequest.BodyPublisher sized = HttpRequest.BodyPublishers.ofByteArray(body);

        HttpResponse<String> response =
                http().send(request(AT_RISK).POST(sized).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sized.contentLength()).as("sent with a Content-Length").isGreaterThan(1024 * 1024);
        assertTooLarge(response);
        assertThat(events(ICS)).as("events of QHM").isEqualTo(before);
    }

    @Test
    void a_chunked_body_over_one_megabyte_is_refused_with_413() throws Exception {
        byte[] body = hugeReason();
        long before = events(ICS);
        HttpRequest.BodyPublisher chunked =
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));

        HttpResponse<String> response =
                http().send(request(AT_RISK).POST(chunked).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(chunked.contentLength()).as("sent without a Content-Length").isEqualTo(-1);
        assertTooLarge(response);
        assertThat(events(ICS)).as("events of QHM").isEqualTo(before);
    }

    @Test
    void a_chunked_body_over_one_megabyte_is_refused_on_the_national_programme_too() throws Exception {
        String padding = " ".repeat(1_100_000);
        byte[] body = ("{\"milestone\": \"INTRODUCED\"," + padding + "\"occurredOn\": \"2030-01-01\"}")
                .getBytes(StandardCharsets.UTF_8);
        long before = events(PROGRAMME);

        HttpResponse<String> response = http().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + LEGISLATION))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + national)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertTooLarge(response);
        assertThat(events(PROGRAMME)).as("events of the programme").isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------------ support

    private void refusedWithoutChange(Case bad) {
        String aggregate = aggregateOf(bad.path());
        long before = events(aggregate);
        long icsBefore = events(ICS);

        Api.Call call = api.request(bad.method(), bad.path()).token(bad.asNational() ? national : manager);
        if (bad.body() != null) {
            call.json(bad.body());
        }
        Api.Response response = call.send();

        assertRefused(bad, response);
        assertThat(events(aggregate))
                .as("events of %s after %s", aggregate, bad)
                .isEqualTo(before);
        assertThat(events(ICS)).as("events of QHM after %s", bad).isEqualTo(icsBefore);
    }

    private static void assertRefused(Case bad, Api.Response response) {
        assertThat(response.status()).as("%s: %s", bad, response).isEqualTo(bad.status());
        assertProblemShape(bad.name(), response);
        JsonNode problem = response.json();
        assertThat(problem.path("code").asText())
                .as("code of %s: %s", bad, response)
                .isEqualTo(bad.code());
        if (bad.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors")
                    .forEach(error -> fields.add(error.path("field").asText()));
            assertThat(fields).as("fields named for %s: %s", bad, response).contains(bad.field());
            problem.path("errors")
                    .forEach(error -> assertThat(error.path("message").asText())
                            .as("message of %s", bad)
                            .isNotBlank());
        }
    }

    /** Problem details, with its status in the body, and nothing of the implementation. */
    private static void assertProblemShape(String what, Api.Response response) {
        assertThat(response.status()).as("%s: never a server error", what).isLessThan(500);
        assertThat(response.header("Content-Type"))
                .as("content type of %s: %s", what, response)
                .startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt())
                .as("status in the body of %s", what)
                .isEqualTo(response.status());
        assertThat(problem.path("title").asText()).as("title of %s", what).isNotBlank();
        assertThat(problem.path("code").asText()).as("code of %s", what).matches("[A-Z][A-Z_]+");
        // the instance is the request's own (percent-encoded) path: it may hold whatever the caller put there
        String instance = problem.path("instance").asText("");
        assertThat(instance).as("instance of %s", what).doesNotContain("<", ">", " ", "\"");
        ObjectNode rest = problem.deepCopy();
        rest.remove("instance");
        assertThat(rest.toString()).as("body of %s", what).doesNotContain(LEAKS);
    }

    private void assertTooLarge(HttpResponse<String> response) throws JsonProcessingException {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(response.body()).doesNotContain(LEAKS).doesNotContain("rrrrrrrr");
    }

    /**
     * The events of an aggregate, but those the relays record on their own (the legislative stages and the
     * establishment date other tests record reach every ICS and CCG asynchronously, at any moment): whatever a
     * request changes is recorded in its caller's name, never in the system's.
     */
    private long events(String aggregate) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE aggregate_identifier = ?
                           AND coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'actor', '') <> 'system'""").param(aggregate).query(Long.class).single();
    }

    /** The first stage of the Bill not yet recorded (they can only be recorded in order). */
    private LegislativeMilestone nextUnrecordedStage() {
        long recorded = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type LIKE '%LegislativeMilestoneRecorded'")
                .param(PROGRAMME)
                .query(Long.class)
                .single();
        assumeTrue(
                recorded < LegislativeMilestone.values().length,
                "every stage of the Bill is recorded already: no stage is left to date wrongly");
        return LegislativeMilestone.values()[(int) recorded];
    }

    private static String aggregateOf(String path) {
        if (path.startsWith("/api/v1/programme")) {
            return PROGRAMME;
        }
        String[] parts = path.split("[/?]");
        // "", "api", "v1", "systems" | "ccgs", code, ...
        if (parts.length > 4 && (parts[3].equals("systems") || parts[3].equals("ccgs"))) {
            return parts[4];
        }
        return ICS;
    }

    private HttpClient http() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + manager)
                .header("Content-Type", "application/json");
    }

    /** A well-formed at-risk body of about 1.1 MB. */
    private static byte[] hugeReason() {
        return json(map("reason", "r".repeat(1_100_000))).getBytes(StandardCharsets.UTF_8);
    }

    private static Case post(String name, String path, String body, int status, String code) {
        return new Case(name, "POST", path, body, false, status, code, null);
    }

    private static Case post(String name, String path, String body, int status, String code, String field) {
        return new Case(name, "POST", path, body, false, status, code, field);
    }

    private static Case national(String name, String path, String body, int status, String code) {
        return new Case(name, "POST", path, body, true, status, code, null);
    }

    private static Case national(String name, String path, String body, int status, String code, String field) {
        return new Case(name, "POST", path, body, true, status, code, field);
    }

    private static Case get(String name, String path, boolean asNational, String field) {
        return new Case(name, "GET", path, null, asNational, 422, VALIDATION, field);
    }

    private static String evidenceJson() {
        return "{\"reference\": \"SDP v2\", \"description\": \"the updated plan\"}";
    }

    private static String completion(String completedOn) {
        return json(map(
                "completedOn",
                completedOn,
                "evidence",
                List.of(map("reference", "SDP v2", "description", "the updated plan"))));
    }

    private static String asset(String valuePence) {
        return "{\"kind\": \"ASSET\", \"description\": \"Leased cars\", \"valuePence\": " + valuePence + "}";
    }

    private static String staff(String headcount, String wte) {
        return "{\"kind\": \"STAFF\", \"description\": \"Finance team\", \"headcount\": " + headcount + ", \"wte\": "
                + wte + "}";
    }

    /** A contract item, with one field replaced (or added) by the given JSON member. */
    private static String contract(String member) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("kind", "\"CONTRACT\"");
        members.put("description", "\"Community services\"");
        members.put("counterparty", "\"Acme Health\"");
        members.put("annualValuePence", "120000000");
        members.put("endDate", "\"2023-03-31\"");
        members.put("novationRequired", "true");
        String[] given = member.split(":", 2);
        members.put(given[0].strip().replace("\"", ""), given[1].strip());
        StringBuilder json = new StringBuilder("{");
        members.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append('"').append(name).append("\": ").append(value);
        });
        return json.append('}').toString();
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
