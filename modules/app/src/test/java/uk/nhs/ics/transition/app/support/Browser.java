package uk.nhs.ics.transition.app.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the pages' tests: Debian's {@code chromium}, driven through Debian's {@code chromedriver}, both
 * named by their paths so that Selenium Manager never runs and nothing is downloaded (CI installs both with apt, see
 * {@code .ci/run}). Headless, in a fresh profile, with every background connection off: the build machines have no
 * network, and Chromium waits on refused connections otherwise.
 *
 * <p>Besides the driver it offers what the tests need: an axe-core accessibility check of the page shown, a
 * screenshot of the whole page, and a folder the browser downloads into.
 */
public final class Browser implements AutoCloseable {

    /** The width of a laptop's window; at 200 % zoom a page has half of it. */
    public static final int WIDTH = 1280;

    private static final int HEIGHT = 1000;

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile, Path downloads) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Starts Chromium; the binaries' paths can be changed with {@code -Dchromium=} and {@code -Dchromedriver=}. */
    public static Browser start() {
        try {
            Path profile = Files.createTempDirectory("chromium-profile-");
            Path downloads = Files.createTempDirectory("chromium-downloads-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .withTimeout(Duration.ofSeconds(60))
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--hide-scrollbars",
                    "--user-data-dir=" + profile,
                    "--window-size=" + WIDTH + "," + HEIGHT,
                    "--lang=en-GB");
            options.setExperimentalOption(
                    "prefs",
                    Map.of(
                            "download.default_directory", downloads.toString(),
                            "download.prompt_for_download", false,
                            "safebrowsing.enabled", false));
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(service, driver, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Where the browser saves what it downloads. */
    public Path downloads() {
        return downloads;
    }

    /** The accessibility problems axe-core finds on the page shown (every rule it has, best practices included). */
    public List<Rule> accessibilityViolations() {
        Results results = new AxeBuilder().analyze(driver);
        return results.getViolations();
    }

    /** The violations in words, for a failing assertion's message. */
    public static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    /** Sets the window's width (its height stays), as a person zooming in narrows the page. */
    public void width(int width) {
        driver.manage().window().setSize(new Dimension(width, HEIGHT));
    }

    /** Whether the page is wider than the window (a person would have to scroll sideways to read it). */
    public boolean scrollsSideways() {
        Object wider = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        return Boolean.TRUE.equals(wider);
    }

    /**
     * Saves the whole page as a PNG: into {@code target/screenshots} of the module by default, or into the folder
     * {@code -Dscreenshots.dir=} names (the README's pictures: {@code -Dscreenshots.dir=../../docs/screenshots}).
     */
    public Path screenshot(String name) {
        Path folder = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Number height = (Number)
                ((JavascriptExecutor) driver).executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        try {
            Files.createDirectories(folder);
            driver.manage().window().setSize(new Dimension(WIDTH, Math.max(HEIGHT, height.intValue())));
            Path file = folder.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
