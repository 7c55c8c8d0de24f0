package uk.nhs.ics.transition.app.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.nhs.ics.transition.app.IcsTransitionApplication;
import uk.nhs.ics.transition.domain.MutableClock;

/**
 * The base of the four-eyes tests: the whole service as {@link EndToEndTest} runs it, but with the production
 * configuration's four eyes (every action that assures needs a second person, {@code ics.four-eyes.actions} left at
 * its default), on a store of its own. Its subclasses share it, and write only to the ICSs they own.
 */
@SpringBootTest(
        classes = IcsTransitionApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ics.database.durable=false", "ics.web.rate-limit.per-second=100000"})
@Import(FourEyesContext.BusinessClock.class)
public abstract class FourEyesContext {

    private static final Path DATA_DIR = freshDataDirectory();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("ics.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** Polls until the condition holds, failing after ten seconds. */
    protected static void eventually(String what, BooleanSupplier condition) {
        await(what)
                .atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    private static Path freshDataDirectory() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "four-eyes-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The business clock the tests move (approvals expire by it). */
    @TestConfiguration(proxyBeanMethods = false)
    static class BusinessClock {
        @Bean
        @Primary
        MutableClock fourEyesClock() {
            return new MutableClock(LocalDate.of(2022, 2, 1));
        }
    }
}
