package uk.nhs.ics.transition.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.app.IcsTransitionApplication;
import uk.nhs.ics.transition.app.database.EmbeddedPostgresServer;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.StoreDump;

/**
 * Writes the fixture {@code previous-release-store.copy.gz}: a store as this release (Axon's JPA engine) writes it,
 * with events, a snapshot, every processor's token, a dead letter, idempotency keys and the audit ledger. It runs
 * only when asked ({@code -Dwrite.previous.release.store=<file>}); the next release's upgrade test loads the file.
 */
class PreviousReleaseStoreWriter {

    @TempDir
    Path dataDir;

    @Test
    void writes_a_store_of_this_release() throws Exception {
        String target = System.getProperty("write.previous.release.store");
        if (target == null) {
            return;
        }
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IcsTransitionApplication.class)
                .run(
                        "--ics.data-dir=" + dataDir,
                        "--ics.database.durable=false",
                        "--server.port=0",
                        "--spring.jmx.enabled=false")) {
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            Api api = new Api(
                    ((WebServerApplicationContext) service).getWebServer().getPort());
            String national = api.nationalTeam();
            String kent = api.programmeManager("QKS");
            String northEast = api.programmeManager("QHM");

            ok(api.post("/api/v1/programme/legislative-milestones")
                    .token(national)
                    .json(Map.of("milestone", "INTRODUCED", "occurredOn", "2021-07-06"))
                    .send());
            ok(api.post("/api/v1/programme/legislative-milestones")
                    .token(national)
                    .json(Map.of("milestone", "SECOND_READING", "occurredOn", "2021-07-14"))
                    .send());
            ok(api.post("/api/v1/systems/QKS/milestones/Q1-SDP-UPDATED/start")
                    .token(kent)
                    .send());
            ok(api.post("/api/v1/systems/QKS/milestones/Q1-SDP-UPDATED/complete")
                    .token(kent)
                    .header("Idempotency-Key", "fixture-complete-sdp")
                    .json(Map.of(
                            "completedOn",
                            "2021-06-25",
                            "evidence",
                            List.of(Map.of("reference", "KM-SDP-2021", "description", "Board paper"))))
                    .send());
            ok(api.post("/api/v1/systems/QKS/board/roles/CHAIR/recruitment")
                    .token(kent)
                    .json(Map.of("process", "NATIONAL"))
                    .send());
            ok(api.post("/api/v1/systems/QKS/board/roles/CHAIR/candidate")
                    .token(kent)
                    .json(Map.of("name", "Cedi Frederick", "conflictingPosts", List.of()))
                    .send());
            // the second reading reaches the ICS through a relay, a moment after it is recorded
            waitFor(
                    "the designate chair",
                    () -> api.post("/api/v1/systems/QKS/board/roles/CHAIR/confirm-designate")
                                    .token(kent)
                                    .send()
                                    .status()
                            == 200);
            ok(api.post("/api/v1/systems/QKS/due-diligence/start-planning")
                    .token(kent)
                    .send());
            ok(api.post("/api/v1/systems/QKS/due-diligence/items")
                    .token(kent)
                    .json(Map.of("category", "CONTRACTS", "title", "Community contracts"))
                    .send());
            // more than the snapshot threshold (250): the scheme's aggregate gets a snapshot
            for (int i = 1; i <= 260; i++) {
                ok(api.post("/api/v1/ccgs/91Q/transfer/items")
                        .token(kent)
                        .header("Idempotency-Key", "fixture-item-" + i)
                        .json(Map.of("kind", "ASSET", "description", "Asset " + i, "valuePence", 1000L * i))
                        .send());
            }
            // a projection that cannot handle an event: the milestones projection dead-letters it
            jdbc.sql("ALTER TABLE milestone_state ADD CONSTRAINT fixture_refuses_qhm CHECK (ics_code <> 'QHM')"
                            + " NOT VALID")
                    .update();
            ok(api.post("/api/v1/systems/QHM/milestones/Q1-TRANSITION-PLAN/start")
                    .token(northEast)
                    .send());
            waitFor(
                    "the dead letter",
                    () -> jdbc.sql("SELECT count(*) FROM dead_letter_entry")
                                    .query(Long.class)
                                    .single()
                            == 1);
            jdbc.sql("ALTER TABLE milestone_state DROP CONSTRAINT fixture_refuses_qhm")
                    .update();
            waitFor(
                    "the ledger and every processor to catch up",
                    () -> jdbc.sql("""
                                    SELECT (SELECT count(*) FROM audit_ledger) = (SELECT count(*) FROM domain_event_entry)
                                       AND (SELECT count(*) FROM snapshot_event_entry) > 0""").query(Boolean.class).single());
            Thread.sleep(3_000);
        }
        EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0, "ics_transition", false);
        try (OutputStream out = Files.newOutputStream(Path.of(target))) {
            StoreDump.write(server.dataSource(), out);
        } finally {
            server.close();
        }
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(end);
            Thread.sleep(50);
        }
    }
}
