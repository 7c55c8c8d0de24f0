package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.web.security.DevTokenIssuer;

/**
 * The "who may do what" table of the domain specification, asked of the running service over HTTP: every write of
 * the API and the reads that differ by region, for each kind of caller.
 *
 * <p>The tables below are the specification under test; one line per endpoint, one column per caller. A cell says
 * what the caller gets: {@code allowed} (authorisation passed: neither 401, 403 nor 404, and no failure of the
 * service), {@code 403} (problem details, code FORBIDDEN), {@code 401} (no token) or, for reads, {@code 200}.
 *
 * <p>This test shares its service and database with every other end-to-end test, so it changes only Frimley (QNQ,
 * region Y59, CCG D4U1Y) and reads Lancashire and South Cumbria (QE1, region Y62). The allowed writes are chosen so
 * that the domain refuses them after authorisation (a derived milestone, a vacant seat, a constitution past
 * drafting...), except for a few harmless changes to QNQ and D4U1Y. The national programme is never changed: its
 * writes are sent with bodies the programme must refuse.
 */
class AuthorizationMatrixTest extends EndToEndTest {

    /** Who asks. The column heading is how the tables name them. */
    enum Actor {
        PM_QNQ("PM QNQ", "the programme manager of QNQ"),
        PM_QE1("PM QE1", "the programme manager of QE1"),
        TEAM_Y59("team Y59", "the regional team of Y59"),
        TEAM_Y62("team Y62", "the regional team of Y62"),
        NATIONAL("national", "the national team"),
        AUDITOR("auditor", "an auditor"),
        NO_ROLE("no role", "a token with no known role"),
        NO_TOKEN("no token", "a caller without a token");

        final String column;
        final String description;

        Actor(String column, String description) {
            this.column = column;
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    // ================================================================ the tables

    /** Every write of the API, about QNQ (or its CCG D4U1Y), and the national programme's two. */
    private static final String WRITES = """
            write                               | PM QNQ  | PM QE1 | team Y59 | team Y62 | national | auditor | no role | no token
            start a milestone                   | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            complete a milestone                | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            flag a milestone at risk            | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            clear a milestone's risk            | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            reopen a milestone                  | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            start board recruitment             | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            name a preferred candidate          | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            confirm a designate                 | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            withdraw a candidate                | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            make an appointment substantive     | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            start due diligence planning        | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            raise a due diligence item          | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            assess a due diligence item         | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            sign off due diligence              | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            record a constitution draft         | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            open constitution engagement        | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            close constitution engagement       | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            submit the constitution             | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            approve the constitution            | 403     | 403    | allowed  | 403      | allowed  | 403     | 403     | 401
            return the constitution             | 403     | 403    | allowed  | 403      | allowed  | 403     | 403     | 401
            draft the MoU                       | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            agree the MoU                       | 403     | 403    | allowed  | 403      | allowed  | 403     | 403     | 401
            add an assurance comment            | 403     | 403    | allowed  | 403      | allowed  | 403     | 403     | 401
            add a transfer item                 | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            amend a transfer item               | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            withdraw a transfer item            | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            agree a transfer scheme for QNQ     | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            agree a transfer scheme for the CCG | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            agree a transfer scheme for QE1     | 403     | 403    | 403      | 403      | 403      | 403     | 403     | 401
            vary a transfer scheme              | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            effect a transfer scheme            | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            abolish a CCG                       | allowed | 403    | 403      | 403      | 403      | 403     | 403     | 401
            record a legislative milestone      | 403     | 403    | 403      | 403      | allowed  | 403     | 403     | 401
            re-baseline the programme           | 403     | 403    | 403      | 403      | allowed  | 403     | 403     | 401
            """;

    /** The reads whose answer depends on who asks: QNQ's (region Y59), QE1's (region Y62), and readiness. */
    private static final String READS = """
            read                                | PM QNQ  | PM QE1 | team Y59 | team Y62 | national | auditor | no role | no token
            /systems/QNQ                        | 200     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /systems/QNQ/milestones             | 200     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /systems/QNQ/board                  | 200     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /systems/QNQ/due-diligence          | 200     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /systems/QNQ/constitution           | 200     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /systems/QNQ/transfers              | 200     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /ccgs/D4U1Y/transfer                | 200     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /systems/QE1                        | 403     | 200    | 403      | 200      | 200      | 200     | 403     | 401
            /ccgs/00Q/transfer                  | 403     | 200    | 403      | 200      | 200      | 200     | 403     | 401
            /systems/QNQ/evidence-pack          | 403     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /regions/Y59/readiness              | 403     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /regions/Y62/readiness              | 403     | 403    | 403      | 200      | 200      | 200     | 403     | 401
            /readiness                          | 403     | 403    | 403      | 403      | 200      | 200     | 403     | 401
            /regions/Y59/readiness as csv       | 403     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /readiness as csv                   | 403     | 403    | 403      | 403      | 200      | 200     | 403     | 401
            /systems/QNQ/history                | 200     | 403    | 200      | 403      | 200      | 200     | 403     | 401
            /audit/events?ics=QNQ               | 403     | 403    | 403      | 403      | 200      | 200     | 403     | 401
            /audit/export?ics=QNQ               | 403     | 403    | 403      | 403      | 200      | 200     | 403     | 401
            /audit/export?ics=QNQ as csv        | 403     | 403    | 403      | 403      | 200      | 200     | 403     | 401
            /audit/verify                       | 403     | 403    | 403      | 403      | 200      | 200     | 403     | 401
            /audit/digest                       | 403     | 403    | 403      | 403      | 200      | 200     | 403     | 401
            /admin/projections                  | 403     | 403    | 403      | 403      | 200      | 200     | 403     | 401
            /admin/projections/board/dead-letters | 403   | 403    | 403      | 403      | 200      | 200     | 403     | 401
            """;

    /** Reads naming an organisation that does not exist. */
    private static final List<String> UNKNOWN_READS = List.of(
            "/systems/QZZ",
            "/systems/QZZ/milestones",
            "/systems/QZZ/board",
            "/systems/QZZ/due-diligence",
            "/systems/QZZ/constitution",
            "/systems/QZZ/transfers",
            "/ccgs/ZZZ/transfer",
            "/systems/QZZ/history",
            "/regions/Y99/readiness");

    // ================================================================ the requests behind the table's lines

    /** A manual milestone cannot be one: this one completes itself when recruitment to chair and CEO starts. */
    private static final String DERIVED_MILESTONE = "Q2-CHAIR-CEO-RECRUITED";

    /** QNQ's chair seat stays vacant: only the national process recruits it, and no test here starts it. */
    private static final String VACANT_SEAT = "CHAIR";

    /**
     * One write: its path ({@code {ics}}, {@code {ccg}} and the fixture's items are filled in), its body, and whether
     * an allowed caller may change anything with it. Writes that may not must be refused after authorisation (409,
     * 422), which proves the caller got past the permission check without changing what other tests rely on.
     */
    private record Write(String name, String path, Object body, boolean mayChange) {

        boolean namesAnOrganisation() {
            return path.contains("{ics}") || path.contains("{ccg}");
        }
    }

    private static final Map<String, Write> WRITE_REQUESTS = index(
            refused("start a milestone", "/systems/{ics}/milestones/" + DERIVED_MILESTONE + "/start", null),
            refused(
                    "complete a milestone",
                    "/systems/{ics}/milestones/" + DERIVED_MILESTONE + "/complete",
                    Map.of(
                            "completedOn",
                            "2021-04-01",
                            "evidence",
                            List.of(Map.of("reference", "ICS board minutes", "description", "agreed")))),
            refused(
                    "flag a milestone at risk",
                    "/systems/{ics}/milestones/" + DERIVED_MILESTONE + "/at-risk",
                    Map.of("reason", "the authorisation matrix")),
            refused(
                    "clear a milestone's risk",
                    "/systems/{ics}/milestones/" + DERIVED_MILESTONE + "/clear-risk",
                    Map.of("reason", "the authorisation matrix")),
            refused(
                    "reopen a milestone",
                    "/systems/{ics}/milestones/" + DERIVED_MILESTONE + "/reopen",
                    Map.of("reason", "the authorisation matrix")),
            // the chair is recruited by the national process, so asking for local filling is refused (422)
            refused(
                    "start board recruitment",
                    "/systems/{ics}/board/roles/" + VACANT_SEAT + "/recruitment",
                    Map.of("process", "LOCAL")),
            refused(
                    "name a preferred candidate",
                    "/systems/{ics}/board/roles/" + VACANT_SEAT + "/candidate",
                    Map.of("name", "A. Candidate", "conflictingPosts", List.of())),
            refused("confirm a designate", "/systems/{ics}/board/roles/" + VACANT_SEAT + "/confirm-designate", null),
            refused(
                    "withdraw a candidate",
                    "/systems/{ics}/board/roles/" + VACANT_SEAT + "/withdraw",
                    Map.of("reason", "the authorisation matrix")),
            refused(
                    "make an appointment substantive",
                    "/systems/{ics}/board/roles/" + VACANT_SEAT + "/make-substantive",
                    null),
            // planning has started (the fixture), so starting it again is refused
            refused("start due diligence planning", "/systems/{ics}/due-diligence/start-planning", null),
            changes(
                    "raise a due diligence item",
                    "/systems/{ics}/due-diligence/items",
                    Map.of("category", "DIGITAL", "title", "raised by the authorisation matrix")),
            // an issue without its risk rating is refused, so the fixture's item stays open
            refused(
                    "assess a due diligence item",
                    "/systems/{ics}/due-diligence/items/{ddItem}/assess",
                    Map.of("outcome", "ISSUE")),
            // refused while the fixture's item is open
            refused(
                    "sign off due diligence",
                    "/systems/{ics}/due-diligence/sign-off",
                    Map.of("signatory", "A. Signatory", "capacity", "DESIGNATE_CHIEF_EXECUTIVE")),
            // the constitution's engagement has closed (the fixture), and the board has gaps nobody named
            refused(
                    "record a constitution draft",
                    "/systems/{ics}/constitution/drafts",
                    Map.of("documentReference", "QNQ-CONSTITUTION-v9", "summary", "authorisation matrix")),
            refused("open constitution engagement", "/systems/{ics}/constitution/engagement/open", null),
            refused("close constitution engagement", "/systems/{ics}/constitution/engagement/close", null),
            refused("submit the constitution", "/systems/{ics}/constitution/submit", Map.of("gaps", List.of())),
            refused("approve the constitution", "/systems/{ics}/constitution/approve", Map.of("comments", "fine")),
            refused(
                    "return the constitution",
                    "/systems/{ics}/constitution/return",
                    Map.of("comments", "not yet submitted")),
            // the MoU has been agreed (the fixture): it can be neither redrafted nor agreed again
            refused("draft the MoU", "/systems/{ics}/mou/draft", Map.of("documentReference", "QNQ-MOU-v9")),
            refused("agree the MoU", "/systems/{ics}/mou/agree", null),
            changes(
                    "add an assurance comment",
                    "/systems/{ics}/assurance-comments",
                    Map.of("comment", "added by the authorisation matrix")),
            // D4U1Y sends everything to QNQ; naming QE1 as its receiver is refused
            refused("add a transfer item", "/ccgs/{ccg}/transfer/items", assetFor("QE1")),
            refused("amend a transfer item", "/ccgs/{ccg}/transfer/items/{transferItem}/amend", assetFor("QE1")),
            // each caller is asked to withdraw an item added for the purpose
            changes(
                    "withdraw a transfer item",
                    "/ccgs/{ccg}/transfer/items/{freshTransferItem}/withdraw",
                    Map.of("reason", "the authorisation matrix")),
            // QNQ has no designate chief executive to agree through
            refused(
                    "agree a transfer scheme for QNQ",
                    "/ccgs/{ccg}/transfer/agree",
                    Map.of("party", "QNQ", "signatory", "A. Signatory")),
            changes(
                    "agree a transfer scheme for the CCG",
                    "/ccgs/{ccg}/transfer/agree",
                    Map.of("party", "CCG", "signatory", "Accountable Officer of D4U1Y")),
            refused(
                    "agree a transfer scheme for QE1",
                    "/ccgs/{ccg}/transfer/agree",
                    Map.of("party", "QE1", "signatory", "A. Signatory")),
            // the scheme is a draft: it is changed directly, not varied; and it is not agreed, so not effected
            refused(
                    "vary a transfer scheme",
                    "/ccgs/{ccg}/transfer/variations",
                    Map.of("reason", "the authorisation matrix", "item", assetFor(null))),
            refused("effect a transfer scheme", "/ccgs/{ccg}/transfer/effect", null),
            refused("abolish a CCG", "/ccgs/{ccg}/abolish", null),
            // the programme began on 2021-04-01: nothing happened before it (422), nor is INTRODUCED recorded twice
            refused(
                    "record a legislative milestone",
                    "/programme/legislative-milestones",
                    Map.of("milestone", "INTRODUCED", "occurredOn", "2020-01-01")),
            refused(
                    "re-baseline the programme",
                    "/programme/rebaseline",
                    Map.of(
                            "decidedOn",
                            "2021-03-31",
                            "establishmentDate",
                            "2022-07-01",
                            "reason",
                            "the authorisation matrix (a decision before the programme began is refused)")));

    /** The organisations the writes name: the ones this test owns, or ones that do not exist. */
    private record Target(String ics, String ccg) {}

    private static final Target OWNED = new Target("QNQ", "D4U1Y");
    private static final Target UNKNOWN = new Target("QZZ", "ZZZ");

    // ================================================================ the fixture

    /**
     * What the writes lean on, made once: QNQ's due diligence planning started with one open item, its constitution
     * through engagement, its MoU agreed, and a live item in D4U1Y's transfer scheme.
     */
    private record Fixture(String dueDiligenceItem, String transferItem) {}

    private static Fixture fixture;

    @Autowired
    DevTokenIssuer issuer;

    private final Map<Actor, String> tokens = new EnumMap<>(Actor.class);

    @BeforeEach
    void actorsAndFixture() {
        tokens.put(Actor.PM_QNQ, api.programmeManager("QNQ"));
        tokens.put(Actor.PM_QE1, api.programmeManager("QE1"));
        tokens.put(Actor.TEAM_Y59, api.regionalTeam("Y59"));
        tokens.put(Actor.TEAM_Y62, api.regionalTeam("Y62"));
        tokens.put(Actor.NATIONAL, api.nationalTeam());
        tokens.put(Actor.AUDITOR, api.auditor());
        // the token endpoint takes known roles only; this one claims QNQ and Y59 but under a role nobody has
        tokens.put(
                Actor.NO_ROLE,
                issuer.issue("no-role", "No known role", List.of("VISITOR"), List.of("QNQ"), List.of("Y59")));
        synchronized (AuthorizationMatrixTest.class) {
            if (fixture == null) {
                fixture = arrange();
            }
        }
    }

    private Fixture arrange() {
        String national = tokens.get(Actor.NATIONAL);
        for (String read : List.of(
                "/systems/QNQ",
                "/systems/QNQ/board",
                "/systems/QNQ/due-diligence",
                "/systems/QNQ/constitution",
                "/ccgs/D4U1Y/transfer",
                "/systems/QE1",
                "/ccgs/00Q/transfer",
                "/regions/Y59/readiness",
                "/regions/Y62/readiness")) {
            eventually(read + " projected", () -> get(read, national).status() == 200);
        }
        eventually("all 42 systems rated", () -> total(get("/systems?size=500", national)) == 42);

        String pm = tokens.get(Actor.PM_QNQ);
        Api.Response planning = post("/systems/QNQ/due-diligence/start-planning", pm, null);
        assertThat(planning.status()).as("planning started: %s", planning).isIn(200, 409);
        String item = created(post(
                "/systems/QNQ/due-diligence/items",
                pm,
                Map.of("category", "CONTRACTS", "title", "leases, left open by the authorisation matrix")));

        succeeds(post(
                "/systems/QNQ/constitution/drafts",
                pm,
                Map.of("documentReference", "QNQ-CONSTITUTION-v1", "summary", "model constitution")));
        succeeds(post("/systems/QNQ/constitution/engagement/open", pm, null));
        succeeds(post("/systems/QNQ/constitution/engagement/close", pm, null));
        succeeds(post("/systems/QNQ/mou/draft", pm, Map.of("documentReference", "QNQ-MOU-v1")));
        succeeds(post("/systems/QNQ/mou/agree", tokens.get(Actor.TEAM_Y59), null));

        return new Fixture(item, newTransferItem());
    }

    /** A new live item of D4U1Y's scheme, going to QNQ. */
    private String newTransferItem() {
        return created(post("/ccgs/D4U1Y/transfer/items", tokens.get(Actor.PM_QNQ), assetFor(null)));
    }

    // ================================================================ the writes

    static Stream<Arguments> writeCells() {
        return cells(WRITES).map(cell -> arguments(cell.line(), cell.actor(), cell.expected()));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("writeCells")
    void every_write_answers_each_caller_as_the_who_may_do_what_table_says(String write, Actor actor, String expected) {
        Write request = WRITE_REQUESTS.get(write);
        assertThat(request).as("a request for the table's line '%s'", write).isNotNull();

        Api.Response response = send(request, actor, OWNED);

        switch (expected) {
            case "allowed" -> assertAllowed(request, response);
            case "403" -> assertForbidden(response);
            case "401" -> assertUnauthenticated(response);
            default -> throw new AssertionError("the table has a cell '" + expected + "'");
        }
    }

    @Test
    void the_table_has_a_line_for_every_write_and_every_write_has_a_line() {
        Set<String> lines = new TreeSet<>();
        cells(WRITES).forEach(cell -> lines.add(cell.line()));

        assertThat(lines).isEqualTo(new TreeSet<>(WRITE_REQUESTS.keySet()));
        assertThat(lines).hasSize(34);
    }

    static Stream<Arguments> unknownOrganisationCells() {
        return WRITE_REQUESTS.values().stream()
                .filter(Write::namesAnOrganisation)
                .flatMap(write -> Arrays.stream(Actor.values()).map(actor -> arguments(write.name(), actor)));
    }

    @ParameterizedTest(name = "{0} about QZZ or ZZZ: {1}")
    @MethodSource("unknownOrganisationCells")
    void a_write_about_an_unknown_ics_or_ccg_is_not_found_for_anyone_with_a_token(String write, Actor actor) {
        Api.Response response = send(WRITE_REQUESTS.get(write), actor, UNKNOWN);

        if (actor == Actor.NO_TOKEN) {
            assertUnauthenticated(response);
        } else {
            assertNotFound(response);
        }
    }

    @Test
    void a_refused_write_leaves_no_trace_and_an_allowed_one_does() {
        String forbidden = "forbidden comment " + System.nanoTime();
        String allowed = "allowed comment " + System.nanoTime();

        Api.Response byManager =
                post("/systems/QNQ/assurance-comments", tokens.get(Actor.PM_QNQ), Map.of("comment", forbidden));
        Api.Response byOtherRegion =
                post("/systems/QNQ/assurance-comments", tokens.get(Actor.TEAM_Y62), Map.of("comment", forbidden));
        Api.Response byRegion =
                post("/systems/QNQ/assurance-comments", tokens.get(Actor.TEAM_Y59), Map.of("comment", allowed));

        assertForbidden(byManager);
        assertForbidden(byOtherRegion);
        succeeds(byRegion);
        String national = tokens.get(Actor.NATIONAL);
        eventually("the allowed comment projected", () -> comments(get("/systems/QNQ/constitution", national))
                .contains(allowed));
        assertThat(comments(get("/systems/QNQ/constitution", national))).doesNotContain(forbidden);
    }

    // ================================================================ the reads

    static Stream<Arguments> readCells() {
        return cells(READS).map(cell -> arguments(cell.line(), cell.actor(), cell.expected()));
    }

    @ParameterizedTest(name = "GET {0}: {1} -> {2}")
    @MethodSource("readCells")
    void every_read_answers_each_caller_as_the_who_may_do_what_table_says(String read, Actor actor, String expected) {
        Api.Response response = read.endsWith(" as csv")
                ? get(read.substring(0, read.length() - " as csv".length()), tokens.get(actor), "text/csv")
                : get(read, tokens.get(actor));

        switch (expected) {
            case "200" -> assertThat(response.status()).as("%s", response).isEqualTo(200);
            case "403" -> assertForbidden(response);
            case "401" -> assertUnauthenticated(response);
            default -> throw new AssertionError("the table has a cell '" + expected + "'");
        }
    }

    static Stream<Arguments> unknownOrganisationReads() {
        return UNKNOWN_READS.stream()
                .flatMap(path -> Arrays.stream(Actor.values()).map(actor -> arguments(path, actor)));
    }

    @ParameterizedTest(name = "GET {0}: {1}")
    @MethodSource("unknownOrganisationReads")
    void a_read_about_an_unknown_organisation_is_not_found_for_anyone_with_a_token(String path, Actor actor) {
        Api.Response response = get(path, tokens.get(actor));

        if (actor == Actor.NO_TOKEN) {
            assertUnauthenticated(response);
        } else {
            assertNotFound(response);
        }
    }

    static Stream<Arguments> systemsEachCallerLists() {
        List<String> y59 = List.of("QKS", "QNQ", "QNX", "QRL", "QU9", "QXU");
        return Stream.of(
                arguments(Actor.PM_QNQ, List.of("QNQ")),
                arguments(Actor.PM_QE1, List.of("QE1")),
                arguments(Actor.TEAM_Y59, y59),
                arguments(Actor.TEAM_Y62, List.of("QE1", "QOP", "QYG")));
    }

    @ParameterizedTest(name = "{0} lists {1}")
    @MethodSource("systemsEachCallerLists")
    void the_systems_list_holds_exactly_the_systems_the_caller_may_read(Actor actor, List<String> expected) {
        Api.Response response = get("/systems?size=500", tokens.get(actor));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        response.json()
                .get("items")
                .forEach(system -> codes.add(system.get("code").asText()));
        assertThat(codes).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(response.json().get("totalItems").asInt()).isEqualTo(expected.size());
    }

    @ParameterizedTest(name = "{0} lists all 42")
    @MethodSource("nationalReaders")
    void the_national_team_and_auditors_list_every_system(Actor actor) {
        Api.Response response = get("/systems?size=500", tokens.get(actor));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().get("totalItems").asInt()).isEqualTo(42);
    }

    static Stream<Actor> nationalReaders() {
        return Stream.of(Actor.NATIONAL, Actor.AUDITOR);
    }

    static Stream<Arguments> ccgsEachCallerLists() {
        return Stream.of(
                arguments(Actor.PM_QNQ, List.of("D4U1Y")),
                arguments(Actor.PM_QE1, List.of("00Q", "00R", "00X", "01A", "01E", "01K", "02G", "02M")),
                arguments(
                        Actor.TEAM_Y59,
                        List.of("09D", "10Q", "10R", "14Y", "15A", "70F", "91Q", "92A", "97R", "D4U1Y", "D9Y0V")));
    }

    @ParameterizedTest(name = "{0} lists {1}")
    @MethodSource("ccgsEachCallerLists")
    void the_ccg_list_holds_exactly_the_ccgs_the_caller_may_read(Actor actor, List<String> expected) {
        Api.Response response = get("/ccgs?size=500", tokens.get(actor));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        response.json().get("items").forEach(ccg -> codes.add(ccg.get("code").asText()));
        assertThat(codes).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> overdueEachCallerSees() {
        return Stream.of(
                arguments(Actor.PM_QNQ, "QNQ", List.of("QNQ")),
                arguments(Actor.PM_QE1, "QE1", List.of("QE1")),
                arguments(Actor.TEAM_Y59, "QNQ", List.of("QKS", "QNQ", "QNX", "QRL", "QU9", "QXU")),
                arguments(Actor.TEAM_Y62, "QE1", List.of("QE1", "QOP", "QYG")));
    }

    /** At the end of 2022 every milestone QNQ and QE1 have not completed is overdue, so neither list is empty. */
    @ParameterizedTest(name = "{0} sees {1}'s, within {2}")
    @MethodSource("overdueEachCallerSees")
    void the_overdue_list_holds_only_milestones_of_systems_the_caller_may_read(
            Actor actor, String own, List<String> readable) {
        Api.Response response = get("/readiness/overdue?at=2022-12-31&size=500", tokens.get(actor));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        Set<String> systems = new TreeSet<>();
        response.json()
                .get("items")
                .forEach(overdue -> systems.add(overdue.get("icsCode").asText()));
        assertThat(systems).contains(own).isSubsetOf(readable);
    }

    static Stream<Arguments> ratingsEachCallerSees() {
        return Stream.of(
                arguments(Actor.PM_QNQ, Map.of("Y59", 1)),
                arguments(Actor.PM_QE1, Map.of("Y62", 1)),
                arguments(Actor.TEAM_Y59, Map.of("Y59", 6)),
                arguments(Actor.TEAM_Y62, Map.of("Y62", 3)),
                arguments(
                        Actor.NATIONAL, Map.of("Y56", 5, "Y58", 7, "Y59", 6, "Y60", 11, "Y61", 6, "Y62", 3, "Y63", 4)),
                arguments(
                        Actor.AUDITOR, Map.of("Y56", 5, "Y58", 7, "Y59", 6, "Y60", 11, "Y61", 6, "Y62", 3, "Y63", 4)));
    }

    @ParameterizedTest(name = "{0} sees ratings of {1}")
    @MethodSource("ratingsEachCallerSees")
    void regions_show_a_rating_summary_only_over_the_systems_the_caller_may_read(
            Actor actor, Map<String, Integer> ratedSystemsByRegion) {
        Api.Response response = get("/regions", tokens.get(actor));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        Map<String, Integer> rated = new TreeMap<>();
        Set<String> regions = new TreeSet<>();
        for (JsonNode region : response.json().get("items")) {
            regions.add(region.get("code").asText());
            JsonNode ratings = region.get("ratings");
            if (ratings != null && !ratings.isNull()) {
                rated.put(
                        region.get("code").asText(),
                        ratings.get("green").asInt()
                                + ratings.get("amber").asInt()
                                + ratings.get("red").asInt());
            }
        }
        assertThat(regions).hasSize(7);
        assertThat(rated).isEqualTo(new TreeMap<>(ratedSystemsByRegion));
    }

    // ================================================================ sending and judging

    private Api.Response send(Write write, Actor actor, Target target) {
        String path = write.path().replace("{ics}", target.ics()).replace("{ccg}", target.ccg());
        if (target == OWNED) {
            path = path.replace("{ddItem}", fixture.dueDiligenceItem())
                    .replace("{transferItem}", fixture.transferItem());
            if (path.contains("{freshTransferItem}")) {
                path = path.replace("{freshTransferItem}", newTransferItem());
            }
        } else {
            path = path.replace("{ddItem}", "DD-1")
                    .replace("{transferItem}", "T-1")
                    .replace("{freshTransferItem}", "T-1");
        }
        return post(path, tokens.get(actor), write.body());
    }

    /** Authorisation passed: the service answered the request itself, by a change or by a rule of the domain. */
    private static void assertAllowed(Write write, Api.Response response) {
        assertThat(response.status())
                .as(
                        "an allowed caller is neither unauthenticated, forbidden nor told the target is unknown: %s",
                        response)
                .isNotIn(401, 403, 404)
                .isLessThan(500);
        if (!write.mayChange()) {
            assertThat(response.status())
                    .as("this write must be refused after authorisation, changing nothing: %s", response)
                    .isIn(409, 422);
        } else {
            assertThat(response.status()).as("%s", response).isIn(200, 409, 422);
        }
        if (response.status() != 200) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isNotIn("FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED");
        }
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("FORBIDDEN");
    }

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    private static void assertUnauthenticated(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    private static void succeeds(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    private static String created(Api.Response response) {
        succeeds(response);
        return response.json().get("itemId").asText();
    }

    /** A read as a plain client sends it, with no Accept header. */
    private Api.Response get(String path, String token) {
        return get(path, token, null);
    }

    private Api.Response get(String path, String token, String accept) {
        Api.Call call = api.get("/api/v1" + path);
        if (accept != null) {
            call.header("Accept", accept);
        }
        if (token != null) {
            call.token(token);
        }
        return call.send();
    }

    private Api.Response post(String path, String token, Object body) {
        Api.Call call = api.post("/api/v1" + path);
        if (token != null) {
            call.token(token);
        }
        if (body != null) {
            call.json(body);
        }
        return call.send();
    }

    private static int total(Api.Response response) {
        return response.status() == 200 ? response.json().get("totalItems").asInt() : -1;
    }

    private static List<String> comments(Api.Response constitution) {
        List<String> comments = new ArrayList<>();
        if (constitution.status() == 200) {
            constitution
                    .json()
                    .get("assuranceComments")
                    .forEach(c -> comments.add(c.get("comment").asText()));
        }
        return comments;
    }

    private static Map<String, Object> assetFor(String receivingIcs) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", "ASSET");
        item.put("description", "Frimley estates furniture (authorisation matrix)");
        item.put("valuePence", 125_000L);
        if (receivingIcs != null) {
            item.put("receivingIcs", receivingIcs);
        }
        return item;
    }

    private static Write refused(String name, String path, Object body) {
        return new Write(name, path, body, false);
    }

    private static Write changes(String name, String path, Object body) {
        return new Write(name, path, body, true);
    }

    private static Map<String, Write> index(Write... writes) {
        Map<String, Write> index = new LinkedHashMap<>();
        for (Write write : writes) {
            assertThat(index.put(write.name(), write))
                    .as("two writes named %s", write.name())
                    .isNull();
        }
        return index;
    }

    // ================================================================ reading the tables

    private record Cell(String line, Actor actor, String expected) {}

    /** The table's cells, line by line; the heading must name the actors in their order. */
    private static Stream<Cell> cells(String table) {
        List<String> lines = table.lines().filter(line -> !line.isBlank()).toList();
        List<String> heading = split(lines.get(0));
        List<String> columns = Arrays.stream(Actor.values()).map(a -> a.column).toList();
        assertThat(heading.subList(1, heading.size())).isEqualTo(columns);
        List<Cell> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = split(line);
            assertThat(row).as("line '%s'", line).hasSize(columns.size() + 1);
            for (Actor actor : Actor.values()) {
                cells.add(new Cell(row.get(0), actor, row.get(actor.ordinal() + 1)));
            }
        }
        return cells.stream();
    }

    private static List<String> split(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toList();
    }
}
