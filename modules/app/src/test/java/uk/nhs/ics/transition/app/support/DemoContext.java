package uk.nhs.ics.transition.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.nhs.ics.transition.app.IcsTransitionApplication;

/**
 * The base of the tests that read the demo programme ({@code ICS_DEMO=2021-22}): the whole service on a store of its
 * own (the demo needs an empty store), loaded once and shared by every subclass, whose events carry their 2021/22
 * instants. Nothing here writes: the demo is what it is.
 */
@SpringBootTest(
        classes = IcsTransitionApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ics.database.durable=false", "ics.demo.name=2021-22"})
public abstract class DemoContext {

    private static final Path DATA_DIR = freshDataDirectory();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("ics.data-dir", DATA_DIR::toString);
    }

    /** Waits until every processor has caught up with the demo (the read models and the audit ledger). */
    protected static void awaitCaughtUp(Api api, String auditor) {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < end) {
            Api.Response projections =
                    api.get("/api/v1/admin/projections").token(auditor).send();
            if (projections.status() == 200 && projections.body().contains("\"lag\"")) {
                boolean caughtUp = true;
                for (JsonNode projection : projections.json().path("items").isMissingNode()
                        ? projections.json()
                        : projections.json().path("items")) {
                    caughtUp &= projection.path("lag").asLong(1) == 0;
                }
                if (caughtUp) {
                    return;
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the read models did not catch up with the demo within 3 minutes");
    }

    private static Path freshDataDirectory() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "demo-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
