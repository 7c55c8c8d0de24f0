package uk.nhs.ics.transition.app.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
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
 * The base of every end-to-end test: the whole service on a real (embedded) PostgreSQL in a fresh folder, over real
 * HTTP on a random port. Every subclass shares one Spring context and one database, so tests must not depend on
 * being alone: each works on its own organisations, or on facts it asserts relative to what it found.
 */
@SpringBootTest(
        classes = IcsTransitionApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ics.database.durable=false",
            // the shared context's tests fire requests as fast as they can; RateLimitsTest covers the limit
            "ics.web.rate-limit.per-second=100000",
            // the programme's gauges read the readiness at every scrape, so a test sees the date it set
            "ics.metrics.programme-refresh=0s",
            // its tests are about other things, and sign off, approve, agree, re-baseline and replay alone; four eyes,
            // the production default, is FourEyesTest's, in a context of its own (docs/decisions/0025)
            "ics.four-eyes.actions=NONE"
        })
@Import(EndToEndTest.TestClock.class)
// as in production: traces propagated (a test context has tracing off unless asked), metrics published
@AutoConfigureObservability
public abstract class EndToEndTest {

    /** The programme's business date the tests start on: the first day of the programme. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2021, 4, 1);

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

    /** Polls until the condition holds, failing after the deadline; for eventually consistent reads. */
    protected static void eventually(String what, Duration deadline, BooleanSupplier condition) {
        await(what)
                .atMost(deadline)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    protected static void eventually(String what, BooleanSupplier condition) {
        eventually(what, Duration.ofSeconds(10), condition);
    }

    private static Path freshDataDirectory() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "e2e-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the business clock with one the tests move, and counts the connections each request holds
     * ({@link ConnectionsPerRequest}).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(FIRST_DAY);
        }

        @Bean
        static BeanPostProcessor countConnectionsPerRequest() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && beanName.equals("dataSource")
                            ? ConnectionsPerRequest.tracking(dataSource)
                            : bean;
                }
            };
        }
    }
}
