package uk.nhs.ics.transition.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.audit.evidence.PackFormat;

/**
 * Who may take an evidence pack, and what is refused: an unknown quarter, an ICS outside the caller's scope (a
 * programme manager's own ICS included: the pack is for those who assure), an {@code asOf} outside the programme, a
 * digest that does not hold the pack's events, an unknown ICS; each a problem detail with a stable code. And a pack of
 * the whole history, made while other tests write, is whole and verifies offline.
 */
class EvidencePackRefusalsTest extends EndToEndTest {

    @TempDir
    Path folder;

    @Test
    void a_pack_is_for_auditors_the_national_team_and_the_icss_own_regional_team() {
        assertThat(pack("/api/v1/systems/QK1/evidence-pack?quarter=Q1", api.auditor())
                        .statusCode())
                .isEqualTo(200);
        assertThat(pack("/api/v1/systems/QK1/evidence-pack?quarter=Q1", api.nationalTeam())
                        .statusCode())
                .isEqualTo(200);
        assertThat(pack("/api/v1/systems/QK1/evidence-pack?quarter=Q1", api.regionalTeam("Y60"))
                        .statusCode())
                .isEqualTo(200);

        assertProblem(
                api.get("/api/v1/systems/QK1/evidence-pack?quarter=Q1")
                        .token(api.regionalTeam("Y59"))
                        .send(),
                403,
                "FORBIDDEN");
        assertProblem(
                api.get("/api/v1/systems/QK1/evidence-pack?quarter=Q1")
                        .token(api.programmeManager("QK1"))
                        .send(),
                403,
                "FORBIDDEN");
        assertThat(api.get("/api/v1/systems/QK1/evidence-pack").send().status()).isEqualTo(401);
        assertProblem(
                api.get("/api/v1/systems/QZZ/evidence-pack?quarter=Q1")
                        .token(api.auditor())
                        .send(),
                404,
                "NOT_FOUND");
    }

    @Test
    void an_unknown_quarter_an_as_of_outside_the_programme_or_a_digest_too_early_is_refused_by_name() {
        String auditor = api.auditor();

        for (String quarter : new String[] {"Q5", "2021-Q3", "H1"}) {
            Api.Response refused = api.get("/api/v1/systems/QK1/evidence-pack?quarter=" + quarter)
                    .token(auditor)
                    .send();
            assertProblem(refused, 422, "UNKNOWN_QUARTER");
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("quarter");
        }
        for (String asOf : new String[] {
            "2021-03-31T22:59:59Z", Instant.now().plusSeconds(86_400).toString()
        }) {
            Api.Response refused = api.get("/api/v1/systems/QK1/evidence-pack?quarter=ALL&asOf=" + asOf)
                    .token(auditor)
                    .send();
            assertProblem(refused, 422, "AS_OF_OUTSIDE_PROGRAMME");
        }
        assertProblem(
                api.get("/api/v1/systems/QK1/evidence-pack?quarter=ALL&digestEvents=1")
                        .token(auditor)
                        .send(),
                422,
                "DIGEST_DOES_NOT_COVER_PACK");
        assertProblem(
                api.get("/api/v1/systems/QK1/evidence-pack?quarter=ALL&digestEvents=999999999")
                        .token(auditor)
                        .send(),
                422,
                "DIGEST_DOES_NOT_COVER_PACK");
    }

    @Test
    void a_pack_of_the_whole_history_made_while_others_write_is_whole_and_verifies_offline() throws IOException {
        String auditor = api.auditor();
        // Kent and Medway: other tests of this context write it, perhaps while its pack is made
        HttpResponse<byte[]> response = pack("/api/v1/systems/QKS/evidence-pack?quarter=ALL", auditor);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"evidence-pack-QKS-ALL-");
        Map<String, byte[]> files = Packs.open(response.body());
        assertThat(Packs.lines(files, PackFormat.EVENTS)).isNotEmpty();
        Path keys = Files.writeString(
                folder.resolve("keys.json"),
                api.get("/api/v1/audit/keys").token(auditor).send().body());

        Packs.Verdict verdict = Packs.verify(folder, response.body(), "--keys", keys.toString());

        assertThat(verdict.status()).as("%s", verdict).isZero();
    }

    private HttpResponse<byte[]> pack(String path, String token) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as("%s", response).isEqualTo(code);
        assertThat(response.body()).doesNotContain(new String(new byte[] {'P', 'K', 3, 4}, StandardCharsets.UTF_8));
    }
}
