package uk.nhs.ics.transition.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import uk.nhs.ics.transition.app.support.Browser;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * The pages in a real browser (Debian's Chromium, headless), against the running service and its embedded
 * PostgreSQL, with {@link PagesScenario}'s story of London and Devon: a regional oversight person signs in and sees
 * their region's ICSs with ratings, reasons, overdue work, trend and history, today or at any past date; a national
 * team member and an auditor see theirs. Every page is checked with axe-core (no violation of any rule), can be
 * used with the keyboard and read at 200 % zoom, and is photographed for the README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesInTheBrowserTest extends EndToEndTest {

    /** "Today" while these tests run: the week the programme was re-baselined. */
    private static final LocalDate TODAY = LocalDate.of(2021, 12, 28);

    private Browser browser;
    private ChromeDriver driver;
    private Instant beforeNorthLondonCompleted;
    private LocalDate othersToday;

    @BeforeAll
    void start_the_browser() {
        othersToday = clock.today();
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    void close_the_browser() {
        clock.setToday(othersToday);
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void the_story() {
        beforeNorthLondonCompleted = PagesScenario.ensure(api, clock);
        clock.setToday(TODAY);
    }

    @Test
    @Order(0)
    void axe_core_finds_what_a_page_gets_wrong() {
        driver.get("data:text/html,<html><body><img src='x.png'><a href='/'></a></body></html>");

        assertThat(browser.accessibilityViolations())
                .extracting(Rule::getId)
                .as("the check the pages pass is one that fails pages that should fail")
                .contains("html-has-lang", "image-alt", "link-name");
    }

    @Test
    @Order(1)
    void the_sign_in_pages_are_accessible_and_say_what_is_missing() {
        driver.manage().deleteAllCookies();
        open("/regions/Y56");

        assertThat(driver.getCurrentUrl())
                .as("not signed in, a browser is sent to sign in")
                .endsWith("/sign-in");
        assertThat(heading()).isEqualTo("Sign in");
        assertAccessible("the sign-in page");
        browser.screenshot("sign-in");

        driver.findElement(By.linkText("Sign in for development")).click();
        driver.findElement(By.id("role-PROGRAMME_MANAGER")).click();
        driver.findElement(By.cssSelector("form button[type=submit]")).click();

        assertThat(driver.findElement(By.className("app-error-summary")).getText())
                .contains("There is a problem", "Enter your name", "Select the ICS you manage");
        assertAccessible("the development sign-in page showing its errors");
    }

    @Test
    @Order(2)
    void a_regional_oversight_person_signs_in_and_sees_their_regions_ics_with_their_ratings() {
        driver.manage().deleteAllCookies();
        open("/regions/Y56?at=2021-07-10");
        signIn("Jane Smith", "REGIONAL_OVERSIGHT", "London", null);

        assertThat(driver.getCurrentUrl()).as("back where she was going").contains("/regions/Y56?at=2021-07-10");
        assertThat(heading()).isEqualTo("London");
        assertThat(driver.findElement(By.className("app-header__account")).getText())
                .contains("Jane Smith", "Regional oversight: London");
        assertThat(overall("QKK")).isEqualTo("Green");
        assertThat(overall("QMJ")).as("complete late").isEqualTo("Amber");
        assertThat(overall("QMF")).isEqualTo("Red");
        assertThat(overall("QWE")).isEqualTo("Red");
        assertThat(overall("QRV")).isEqualTo("Red");
        assertThat(driver.findElements(By.cssSelector("#systems-table tbody tr")))
                .hasSize(5);
        List<String> overdue = texts("#overdue-table tbody tr");
        assertThat(overdue).isNotEmpty();
        assertThat(overdue.get(0)).contains("30 Jun 2021");
        assertThat(overdue)
                .anyMatch(row -> row.contains("East London Health and Care Partnership")
                        && row.contains("Q1-SDP-UPDATED")
                        && row.contains("At risk"));
        assertThat(overdue).noneMatch(row -> row.contains("Our Healthier South East London"));
        assertThat(driver.findElement(By.cssSelector("#trend + figure svg[role=img]"))
                        .getAttribute("aria-labelledby"))
                .isNotBlank();
        assertAccessible("the region's page");
        browser.screenshot("region");
    }

    @Test
    @Order(3)
    void the_rating_date_and_the_knowledge_time_change_what_is_shown() {
        signedInAsLondon();
        LocalDate today = clock.today();
        clock.setToday(LocalDate.of(2021, 7, 2));
        try {
            open("/regions/Y56");
            assertThat(driver.findElements(By.className("app-banner")))
                    .as("today as known now")
                    .isEmpty();
            assertThat(driver.findElement(By.id("main-content")).getText()).contains("Ratings on 2 July 2021 (today)");
            assertThat(overall("QMJ"))
                    .as("on 2 July North London has not finished Q1")
                    .isEqualTo("Red");
        } finally {
            clock.setToday(today);
        }

        driver.findElement(By.cssSelector(".app-details summary")).click();
        driver.findElement(By.id("at")).sendKeys("2021-07-10");
        driver.findElement(By.id("at")).sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).contains("at=2021-07-10");
        assertThat(overall("QMJ")).as("on 10 July it has, late").isEqualTo("Amber");
        assertThat(driver.findElement(By.className("app-banner")).getText())
                .contains("This is not today's picture", "Ratings on 10 July 2021", "as known now");

        open("/regions/Y56?at=2021-07-10&asOf=" + beforeNorthLondonCompleted);
        assertThat(overall("QMJ"))
                .as("as the service knew it before North London recorded its completions")
                .isEqualTo("Red");
        assertThat(driver.findElement(By.className("app-banner")).getText()).contains("as the service knew them at");
        assertAccessible("a region's page looking at the past");

        driver.findElement(By.linkText("Show today, as known now")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/regions/Y56");
    }

    @Test
    @Order(4)
    void the_table_of_icss_sorts_by_any_column_without_script() {
        signedInAsLondon();
        open("/regions/Y56?at=2021-07-10");

        driver.findElement(By.linkText("Overall")).click();

        assertThat(driver.findElement(By.cssSelector("#systems-table th[aria-sort=descending]"))
                        .getText())
                .isEqualTo("Overall");
        List<String> rows = texts("#systems-table tbody tr");
        assertThat(rows.get(rows.size() - 1))
                .as("worst first, so green last")
                .contains("Our Healthier South East London");
        driver.findElement(By.linkText("Overall")).click();
        assertThat(texts("#systems-table tbody tr").get(0)).contains("Our Healthier South East London");
        assertThat(driver.getCurrentUrl()).contains("at=2021-07-10").contains("sort=overall");
    }

    @Test
    @Order(5)
    void an_ics_shows_why_each_milestone_has_its_rating_its_work_and_its_history() {
        signedInAsLondon();
        open("/regions/Y56?at=2021-10-01");
        driver.findElement(By.linkText("Our Healthier South East London")).click();

        assertThat(heading()).isEqualTo("Our Healthier South East London");
        assertThat(driver.getCurrentUrl()).contains("/systems/QKK?at=2021-10-01");
        assertThat(milestone("Q1-SDP-UPDATED")).contains("Complete", "Green", "Complete on or before its due date");
        assertThat(milestone("Q2-LEADERS-SUPPORTED")).contains("Consultation report");
        assertThat(driver.findElement(By.cssSelector("[data-milestone=Q2-LEADERS-SUPPORTED] a"))
                        .getAttribute("href"))
                .isEqualTo("https://example.nhs.uk/sel/leaders-consultation");
        assertThat(milestone("Q2-SUB-ICS-PLAN")).contains("Red", "Not complete and past its due date");
        assertThat(milestone("Q3-SHADOW-READY")).contains("Green", "Not complete, due in more than 28 days");
        String page = driver.findElement(By.id("main-content")).getText();
        assertThat(page)
                .contains("The board does not yet meet its minimum composition")
                .contains("Richard Douglas")
                .contains("Continuing healthcare liabilities")
                .contains("High risk")
                .contains("Version 1: SEL-ICB-C-v1")
                .contains("NHS South East London CCG")
                .contains("£48,512.30");
        assertThat(texts(".app-timeline__item"))
                .anyMatch(entry -> entry.contains("Q1-SDP-UPDATED completed on 2021-06-25")
                        && entry.contains("programme manager"));
        assertAccessible("an ICS's page");
        browser.screenshot("system");

        driver.findElement(By.linkText("72Q")).click();
        assertThat(heading()).isEqualTo("NHS South East London CCG");
        assertThat(driver.findElement(By.id("items-table")).getText()).contains("IT equipment", "CCG staff");
        assertAccessible("a CCG's page");
        browser.screenshot("ccg");

        open("/systems/QMF?at=2021-06-10");
        assertThat(milestone("Q1-SDP-UPDATED"))
                .contains("Amber", "Not complete and flagged at risk", "Board approval of the plan delayed to July");
    }

    @Test
    @Order(6)
    void a_regional_team_cannot_open_another_regions_pages() {
        signedInAsLondon();

        for (String path : List.of("/regions/Y58", "/systems/QJK", "/audit")) {
            open(path);

            assertThat(heading()).as(path).isEqualTo("You cannot see this page");
            assertThat(driver.getPageSource()).as(path).doesNotContain("Exception", "\"status\"");
        }
        assertAccessible("the page saying so");
        open("/");
        assertThat(driver.getCurrentUrl()).as("her start page is her region").endsWith("/regions/Y56");
    }

    @Test
    @Order(7)
    void a_table_downloads_as_csv_from_its_link() {
        signedInAsLondon();
        open("/regions/Y56?at=2021-07-10");

        driver.findElement(By.partialLinkText("Download the ICSs with their ratings"))
                .click();

        Path file = browser.downloads().resolve("region-Y56-systems-2021-07-10.csv");
        eventually("the download to finish", Duration.ofSeconds(20), () -> Files.exists(file) && !partial());
        assertThat(read(file))
                .startsWith("\uFEFFicsCode,name,overallRating,")
                .contains("QKK,Our Healthier South East London,GREEN")
                .contains("QMJ,North London Partners in Health and Care,AMBER");
    }

    @Test
    @Order(8)
    void the_pages_work_with_the_keyboard_and_at_200_percent_zoom() {
        signedInAsLondon();
        open("/regions/Y56?at=2021-07-10");

        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = driver.switchTo().activeElement();
        assertThat(first.getText()).as("the first stop is the skip link").isEqualTo("Skip to main content");
        first.sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).endsWith("#main-content");
        WebElement link = driver.findElement(By.linkText("North London Partners in Health and Care"));
        link.sendKeys(Keys.ENTER);
        assertThat(heading()).isEqualTo("North London Partners in Health and Care");

        try {
            for (String path : List.of("/regions/Y56?at=2021-07-10", "/systems/QKK?at=2021-10-01")) {
                browser.width(Browser.WIDTH / 2);
                open(path);
                assertThat(browser.scrollsSideways())
                        .as("%s at 200 %% zoom", path)
                        .isFalse();
                assertAccessible(path + " at 200 % zoom");
            }
        } finally {
            browser.width(Browser.WIDTH);
        }
    }

    @Test
    @Order(9)
    void the_national_team_sees_every_region_the_trend_and_the_programme() {
        driver.manage().deleteAllCookies();
        open("/sign-in/dev");
        signIn("Amira Khan", "NATIONAL_PROGRAMME", null, null);
        open("/?at=2021-07-10");

        assertThat(heading()).isEqualTo("National overview");
        assertThat(texts("#regions-caption + thead + tbody tr")).hasSize(7);
        String london = driver.findElement(
                        By.xpath("//table[caption[@id='regions-caption']]//tr[th/a[text()='London']]"))
                .getText();
        assertThat(london).as("London: 1 green, 1 amber, 3 red").contains("London 1 1 3 5");
        assertThat(driver.findElements(By.cssSelector("a[href^='/systems/']"))).hasSize(42);
        assertThat(driver.findElement(By.cssSelector("#trend + figure svg title"))
                        .getAttribute("textContent"))
                .contains("England");
        assertThat(driver.findElement(By.id("baselines-caption")).getText()).contains("baseline");
        assertAccessible("the national overview");

        open("/?at=2021-12-28");
        browser.screenshot("national");
    }

    @Test
    @Order(10)
    void an_auditor_reads_the_trail_verifies_the_chain_and_downloads_it() {
        driver.manage().deleteAllCookies();
        open("/sign-in/dev");
        signIn("Ravi Patel", "AUDITOR", null, null);
        open("/audit?ics=QKK");

        assertThat(heading()).isEqualTo("Audit trail");
        assertThat(driver.findElement(By.id("digest-head")).getText()).matches("[0-9a-f]{64}");
        assertThat(texts("#events-table tbody tr")).anyMatch(row -> row.contains("MilestoneCompleted"));
        assertAccessible("the audit page");
        browser.screenshot("audit");

        driver.findElement(By.linkText("Verify the hash chain now")).click();
        assertThat(driver.findElement(By.id("verification-result")).getText()).contains("Verified");
        assertAccessible("the verification page");
    }

    // ---------------------------------------------------------------- helpers

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void signIn(String name, String role, String region, String ics) {
        if (!driver.getCurrentUrl().endsWith("/sign-in/dev")) {
            driver.findElement(By.linkText("Sign in for development")).click();
        }
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("role-" + role)).click();
        if (region != null) {
            new Select(driver.findElement(By.id("region"))).selectByVisibleText(region);
        }
        if (ics != null) {
            new Select(driver.findElement(By.id("ics"))).selectByVisibleText(ics);
        }
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private void signedInAsLondon() {
        open("/regions/Y56");
        if (driver.getCurrentUrl().endsWith("/sign-in")
                || !driver.findElement(By.className("app-header__account"))
                        .getText()
                        .contains("Regional oversight: London")) {
            driver.manage().deleteAllCookies();
            open("/sign-in/dev");
            signIn("Jane Smith", "REGIONAL_OVERSIGHT", "London", null);
        }
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The overall rating of an ICS in the region's table, as its tag reads. */
    private String overall(String ics) {
        return driver.findElement(By.cssSelector("tr[data-ics=" + ics + "] td:nth-of-type(1) .app-rag"))
                .getText()
                .strip();
    }

    private String milestone(String code) {
        return driver.findElement(By.cssSelector("[data-milestone=" + code + "]"))
                .getText();
    }

    private List<String> texts(String selector) {
        return driver.findElements(By.cssSelector(selector)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void assertAccessible(String what) {
        List<Rule> violations = browser.accessibilityViolations();
        assertThat(violations)
                .as("axe-core on %s:\n%s", what, Browser.describe(violations))
                .isEmpty();
    }

    private boolean partial() {
        try (Stream<Path> files = Files.list(browser.downloads())) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
