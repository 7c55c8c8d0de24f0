package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * What is running, and what it did: {@code /actuator/info} names the build and the commit; every log line names the
 * version; a request's W3C {@code traceparent} is on every event it caused, in the audit trail; an administrative
 * action is logged with who asked and for which request. Writes to Morecambe Bay (QM7) only.
 */
@ExtendWith(OutputCaptureExtension.class)
class KnowWhatIsRunningTest extends EndToEndTest {

    /** The project's version, as Maven knows it (surefire passes it). */
    private static final String VERSION = System.getProperty("project.version");

    @Test
    void info_names_the_version_the_build_made_and_the_commit_it_was_built_from() throws Exception {
        JsonNode info = api.get("/actuator/info").send().json();

        assertThat(VERSION).as("project.version from surefire").isNotBlank();
        assertThat(info.at("/build/version").asText()).isEqualTo(VERSION);
        assertThat(info.at("/build/artifact").asText()).isEqualTo("ics-transition-app");
        assertThat(Instant.parse(info.at("/build/time").asText())).isBefore(Instant.now());
        String commit = info.at("/git/commit/id/full").asText();
        assertThat(commit).matches("[0-9a-f]{40}");
        assertThat(info.at("/git/commit/id/abbrev").asText()).isEqualTo(commit.substring(0, 7));
        assertThat(info.at("/git/commit/time").asText()).isNotBlank();
        // the commit is one of this repository's; in a plain clone (CI's) it is the one checked out
        assertThat(git("cat-file", "-t", commit)).isEqualTo("commit");
        if (Files.isDirectory(repositoryRoot().resolve(".git"))) {
            assertThat(commit).isEqualTo(git("rev-parse", "HEAD"));
        }
    }

    @Test
    void every_log_line_names_the_version_of_the_service(CapturedOutput output) {
        LoggerFactory.getLogger(KnowWhatIsRunningTest.class).info("a line from the test");

        assertThat(output.getOut())
                .containsPattern("\\[" + VERSION.replace(".", "\\.") + " [^\\]]*] [^\\n]*a line from the test");
    }

    @Test
    void a_traceparent_sent_with_a_request_is_on_every_event_the_request_caused() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        Api.Response answer = api.post("/api/v1/systems/QM7/milestones/Q1-SDP-UPDATED/start")
                .token(api.programmeManager("QM7"))
                .header("traceparent", traceparent)
                .send();

        assertThat(answer.status()).as("%s", answer).isBetween(200, 202);
        List<JsonNode> events = awaitEvents(answer.header("X-Correlation-Id"));
        // the event's own metadata keeps it beside the correlation id, whatever reads it
        for (JsonNode event : events) {
            assertThat(jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                                    + " WHERE event_identifier = :id")
                            .param("id", event.get("eventIdentifier").asText())
                            .query(String.class)
                            .single())
                    .contains("\"traceId\":\"" + traceId + "\"");
        }
        assertThat(events)
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.get("traceId").asText()).isEqualTo(traceId));
        // and the export carries it too
        String export = api.get("/api/v1/audit/export?ics=QM7")
                .token(api.auditor())
                .send()
                .body();
        assertThat(export).contains("\"traceId\":\"" + traceId + "\"");
    }

    @Test
    void a_request_without_a_traceparent_begins_a_trace_of_its_own_and_its_events_name_it() {
        Api.Response answer = api.post("/api/v1/systems/QM7/milestones/Q2-SUB-ICS-PLAN/start")
                .token(api.programmeManager("QM7"))
                .send();

        assertThat(answer.status()).as("%s", answer).isBetween(200, 202);
        List<JsonNode> events = awaitEvents(answer.header("X-Correlation-Id"));
        assertThat(events).isNotEmpty();
        String traceId = events.get(0).get("traceId").asText();
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(events)
                .allSatisfy(event -> assertThat(event.get("traceId").asText()).isEqualTo(traceId));
    }

    @Test
    void an_administrative_action_is_logged_with_who_asked_and_for_which_request(CapturedOutput output) {
        Api.Response answer = api.post("/api/v1/admin/projections/board/dead-letters/retry")
                .token(api.nationalTeam())
                .header("X-Request-Id", "ops-retry-1")
                .send();

        assertThat(answer.status()).isEqualTo(200);
        // the line names the version, the trace and the request (the correlation id) it was written for
        assertThat(output.getOut())
                .containsPattern("\\[" + VERSION.replace(".", "\\.") + " [0-9a-f]{32} "
                        + answer.header("X-Correlation-Id") + "] [^\\n]*Administrative action");
        assertThat(output.getOut())
                .contains("Administrative action POST /api/v1/admin/projections/board/dead-letters/retry by national"
                        + " (national (test)): request " + answer.header("X-Correlation-Id")
                        + ", client request ops-retry-1, answered 200");
    }

    /** The audit trail's entries for a request, once the ledger has recorded them. */
    private List<JsonNode> awaitEvents(String correlationId) {
        List<JsonNode> found = new ArrayList<>();
        eventually("the request's events are in the audit trail", () -> {
            found.clear();
            JsonNode page = api.get("/api/v1/audit/events?ics=QM7&size=500")
                    .token(api.auditor())
                    .send()
                    .json();
            page.get("items").forEach(item -> {
                if (correlationId.equals(item.path("correlationId").asText())) {
                    found.add(item);
                }
            });
            return !found.isEmpty();
        });
        return found;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros, which W3C reserves as invalid
        return bytes;
    }

    private static Path repositoryRoot() {
        return Path.of("../..").toAbsolutePath().normalize();
    }

    private static String git(String... arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("git", "-C", repositoryRoot().toString()));
        command.addAll(List.of(arguments));
        Process git;
        try {
            git = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeThat(e).as("git is not installed").isNull();
            throw e;
        }
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(git.waitFor()).as("%s: %s", command, out).isZero();
        return out;
    }
}
