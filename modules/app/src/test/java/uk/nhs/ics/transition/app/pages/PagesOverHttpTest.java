package uk.nhs.ics.transition.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * The pages over plain HTTP: who may see which (403 and 404 as HTML pages, never JSON or a stack trace), bearer
 * tokens without sessions, the development sign-in with its CSRF protection and a fresh session, the headers every
 * page carries, CSV downloads, and an API left exactly as it was. What the pages look like, and how they behave in a
 * browser, is {@link PagesInTheBrowserTest}'s.
 */
class PagesOverHttpTest extends EndToEndTest {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private Instant beforeNorthLondonCompleted;

    @BeforeEach
    void the_story() {
        beforeNorthLondonCompleted = PagesScenario.ensure(api, clock);
    }

    @Test
    void a_page_fetched_with_a_bearer_token_is_html_with_a_strict_policy_and_starts_no_session() {
        Api.Response page = api.get("/regions/Y56?at=2021-07-02")
                .token(api.regionalTeam("Y56"))
                .send();

        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Set-Cookie")).as("no session for a script").isNull();
        assertThat(page.body())
                .contains(
                        "<h1>London</h1>",
                        "Our Healthier South East London",
                        "North London Partners in Health and Care")
                .doesNotContain("<script", " style=", "onclick", "javascript:");
        assertThat(row(page.body(), "QKK")).contains("app-rag--green");
        assertThat(row(page.body(), "QMF")).contains("app-rag--red");
    }

    @Test
    void a_browser_that_has_not_signed_in_is_sent_to_sign_in_and_a_bad_token_is_refused() {
        Api.Response anonymous =
                api.get("/regions/Y56").header("Accept", "text/html").send();
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/sign-in");

        Api.Response badToken = api.get("/regions/Y56").token("not.a.token").send();
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.header("WWW-Authenticate")).startsWith("Bearer");

        Api.Response signIn = api.get("/sign-in").header("Accept", "text/html").send();
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(signIn.body()).contains("href=\"/sign-in/dev\"");
    }

    @Test
    void a_regional_team_cannot_open_another_regions_pages_and_is_told_so_in_html() {
        String london = api.regionalTeam("Y56");

        for (String path : List.of("/regions/Y58", "/systems/QJK", "/ccgs/15N", "/audit", "/regions/Y58/systems.csv")) {
            Api.Response refused =
                    api.get(path).token(london).header("Accept", "text/html").send();

            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(refused.body())
                    .as(path)
                    .contains("You cannot see this page")
                    .doesNotContain("Exception", "at uk.");
        }
        Api.Response home = api.get("/").token(london).send();
        assertThat(home.status()).as("a regional team starts on its region").isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/regions/Y56");
        assertThat(api.get("/systems/QKK").token(london).send().status()).isEqualTo(200);
    }

    @Test
    void a_programme_manager_sees_their_ics_and_no_other() {
        String manager = api.programmeManager("QKK");

        Api.Response home = api.get("/?at=2021-07-02").token(manager).send();
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/systems/QKK?at=2021-07-02");
        assertThat(api.get("/systems/QKK").token(manager).send().status()).isEqualTo(200);
        assertThat(api.get("/ccgs/72Q").token(manager).send().status()).isEqualTo(200);
        assertThat(api.get("/systems/QMF").token(manager).send().status()).isEqualTo(403);
        assertThat(api.get("/regions/Y56").token(manager).send().status()).isEqualTo(403);
    }

    @Test
    void organisations_the_programme_does_not_have_and_addresses_it_does_not_serve_are_html_404s() {
        String national = api.nationalTeam();

        for (String path :
                List.of("/regions/Y99", "/systems/QZZ", "/systems/qkk", "/ccgs/ZZZZZ", "/systems/QKK/none.csv")) {
            Api.Response missing =
                    api.get(path).token(national).header("Accept", "text/html").send();

            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(missing.body()).as(path).contains("Page not found");
        }
        Api.Response typo =
                api.get("/no-such-page").header("Accept", "text/html,*/*").send();
        assertThat(typo.status()).isEqualTo(404);
        assertThat(typo.header("Content-Type")).startsWith("text/html");
        assertThat(typo.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(typo.body()).contains("Page not found");
    }

    @Test
    void a_date_that_is_not_a_date_is_a_400_page_saying_what_a_date_looks_like() {
        Api.Response bad =
                api.get("/regions/Y56?at=yesterday").token(api.nationalTeam()).send();

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("text/html");
        assertThat(bad.body()).contains("must be a date such as 2021-12-28");
        assertThat(api.get("/regions/Y56?asOf=2021-12-20")
                        .token(api.nationalTeam())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void the_api_is_as_it_was_stateless_and_answering_problem_details() {
        Api.Response noToken =
                api.get("/api/v1/readiness").header("Accept", "text/html").send();
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.header("Content-Type")).startsWith("application/problem+json");

        Api.Response unknown = api.get("/api/v1/no-such-thing")
                .token(api.nationalTeam())
                .header("Accept", "text/html")
                .send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

        Api.Response notAPage =
                api.get("/no-such-page").header("Accept", "application/json").send();
        assertThat(notAPage.status()).isEqualTo(404);
        assertThat(notAPage.header("Content-Type")).startsWith("application/problem+json");

        Api.Response read = api.get("/api/v1/regions").token(api.nationalTeam()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Set-Cookie")).isNull();
        assertThat(read.header("Content-Security-Policy"))
                .as("the API's chain is its own")
                .isNull();
    }

    @Test
    void the_development_sign_in_needs_its_csrf_token_and_starts_a_fresh_session() {
        Api.Response form = api.get("/sign-in/dev").send();
        assertThat(form.status()).isEqualTo(200);
        String anonymousSession = cookie(form);
        String csrf = csrf(form.body());

        String body = "name=Jane+Smith&role=REGIONAL_OVERSIGHT&region=Y56&ics=";
        Api.Response forged = api.post("/sign-in/dev")
                .header("Cookie", "JSESSIONID=" + anonymousSession)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .json(body)
                .send();
        assertThat(forged.status()).as("without the CSRF token").isEqualTo(403);
        assertThat(forged.header("Content-Type")).startsWith("text/html");
        assertThat(forged.body()).contains("You cannot do this").doesNotContain("Exception", "Whitelabel");

        Api.Response signedIn = api.post("/sign-in/dev")
                .header("Cookie", "JSESSIONID=" + anonymousSession)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .json(body + "&_csrf=" + csrf)
                .send();
        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/regions/Y56");
        String session = cookie(signedIn);
        assertThat(session).as("a new session, not the anonymous one").isNotEqualTo(anonymousSession);

        Api.Response region = api.get("/regions/Y56?at=2021-07-02")
                .header("Cookie", "JSESSIONID=" + session)
                .send();
        assertThat(region.status()).isEqualTo(200);
        assertThat(region.body()).contains("Jane Smith", "Regional oversight: London");
        assertThat(api.get("/regions/Y58")
                        .header("Cookie", "JSESSIONID=" + session)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/regions")
                        .header("Cookie", "JSESSIONID=" + session)
                        .send()
                        .status())
                .as("the API takes tokens only, never the pages' session")
                .isEqualTo(401);

        Api.Response signedOut = api.post("/sign-out")
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .json("_csrf=" + csrf(region.body()))
                .send();
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.header("Location")).endsWith("/sign-in?signed-out");
        assertThat(api.get("/regions/Y56")
                        .header("Cookie", "JSESSIONID=" + session)
                        .header("Accept", "text/html")
                        .send()
                        .status())
                .isEqualTo(302);
    }

    @Test
    void the_development_sign_in_says_what_is_missing() {
        Api.Response form = api.get("/sign-in/dev").send();
        Api.Response missing = api.post("/sign-in/dev")
                .header("Cookie", "JSESSIONID=" + cookie(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .json("name=&role=PROGRAMME_MANAGER&region=&ics=&_csrf=" + csrf(form.body()))
                .send();

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("There is a problem", "Enter your name", "Select the ICS you manage");
    }

    @Test
    void every_table_downloads_as_csv_at_the_times_asked_for() {
        String national = api.nationalTeam();

        Api.Response systems = api.get("/regions/Y56/systems.csv?at=2021-07-10")
                .token(national)
                .send();
        assertThat(systems.status()).isEqualTo(200);
        assertThat(systems.header("Content-Type")).startsWith("text/csv");
        assertThat(systems.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"region-Y56-systems-2021-07-10.csv\"");
        assertThat(systems.body())
                .startsWith("\uFEFFicsCode,name,overallRating,q1,q2,q3,q4,est,percentComplete,overdueCount,")
                .contains("QKK,Our Healthier South East London,GREEN,GREEN,")
                .contains("QMJ,North London Partners in Health and Care,AMBER,AMBER,")
                .contains("QWE,South West London Health and Care Partnership,RED,RED,");

        String asKnownBefore = api.get("/regions/Y56/systems.csv?at=2021-07-10&asOf=" + beforeNorthLondonCompleted)
                .token(national)
                .send()
                .body();
        assertThat(asKnownBefore).contains("QMJ,North London Partners in Health and Care,RED,RED,");

        String milestones = api.get("/systems/QKK/milestones.csv?at=2021-07-02")
                .token(national)
                .send()
                .body();
        assertThat(milestones)
                .startsWith("\uFEFFcode,quarter,title,kind,status,dueDate,rating,ratingRule,why,completedOn,evidence,")
                .contains("Q1-SDP-UPDATED,Q1,System development plan updated,MANUAL,COMPLETE,2021-06-30,GREEN,"
                        + "COMPLETE_ON_TIME,complete on or before its due date,2021-06-25,");
        String east = api.get("/systems/QMF/milestones.csv?at=2021-07-02")
                .token(national)
                .send()
                .body();
        assertThat(east).contains("OVERDUE,not complete and past its due date");

        for (String path : List.of(
                "/national/regions.csv",
                "/national/systems.csv",
                "/national/trend.csv",
                "/national/baselines.csv",
                "/national/legislation.csv",
                "/regions/Y56/overdue.csv",
                "/regions/Y56/trend.csv",
                "/systems/QKK/ratings.csv",
                "/systems/QKK/predecessors.csv",
                "/systems/QKK/board.csv",
                "/systems/QKK/due-diligence.csv",
                "/systems/QKK/transfers.csv",
                "/systems/QKK/history.csv",
                "/ccgs/72Q/totals.csv",
                "/ccgs/72Q/items.csv",
                "/audit/export.csv")) {
            Api.Response csv = api.get(path).token(api.auditor()).send();
            assertThat(csv.status()).as(path).isEqualTo(200);
            assertThat(csv.header("Content-Type")).as(path).startsWith("text/csv");
            assertThat(csv.body())
                    .as(path + " starts with its header")
                    .startsWith("\uFEFF")
                    .contains(",");
        }
    }

    @Test
    void the_audit_page_is_for_auditors_and_the_national_team() {
        Api.Response audit = api.get("/audit?ics=QKK").token(api.auditor()).send();

        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body())
                .contains("The ledger's digest", "MilestoneCompleted", "href=\"/audit/export.csv?ics=QKK\"");
        assertThat(api.get("/audit").token(api.nationalTeam()).send().status()).isEqualTo(200);
        assertThat(api.get("/audit").token(api.programmeManager("QKK")).send().status())
                .isEqualTo(403);
        Api.Response verification =
                api.get("/audit/verification").token(api.auditor()).send();
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.body()).contains("Verified");
    }

    /** The HTML of the table row of one ICS. */
    private static String row(String html, String ics) {
        Matcher row = Pattern.compile("<tr data-ics=\"" + ics + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(row.find()).as("a row for %s", ics).isTrue();
        return row.group(1);
    }

    private static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("a CSRF token in %s", html).isTrue();
        return token.group(1);
    }

    private static String cookie(Api.Response response) {
        String header = response.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
        return header.substring("JSESSIONID=".length(), header.indexOf(';'));
    }
}
