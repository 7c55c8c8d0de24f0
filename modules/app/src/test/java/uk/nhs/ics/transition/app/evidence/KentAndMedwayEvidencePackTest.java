package uk.nhs.ics.transition.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.DemoContext;
import uk.nhs.ics.transition.audit.evidence.PackFormat;

/**
 * An auditor takes Kent and Medway's (QKS) Q3 evidence pack of the demo programme (whose events carry their 2021/22
 * instants), checks it offline with the published keys, and the verifier catches every way of changing it: a changed
 * byte, a removed event, an added event, a swapped proof, a manifest re-signed with another key, a proof that does not
 * lead to the digest published. A pack made against an earlier signed digest leads to that digest.
 */
class KentAndMedwayEvidencePackTest extends DemoContext {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant END_OF_Q3 = Instant.parse("2022-01-01T00:00:00Z");

    @TempDir
    Path folder;

    private Api api;
    private String auditor;
    private Path keys;

    @BeforeEach
    void auditorWithThePublishedKeys() throws IOException {
        api = new Api(port);
        auditor = api.auditor();
        awaitCaughtUp(api, auditor);
        Api.Response published = api.get("/api/v1/audit/keys").token(auditor).send();
        assertThat(published.status()).as("%s", published).isEqualTo(200);
        keys = Files.writeString(folder.resolve("keys.json"), published.body());
    }

    @Test
    void the_q3_pack_holds_kent_and_medways_events_to_the_end_of_december_and_verifies_offline() {
        byte[] pack = pack("/api/v1/systems/QKS/evidence-pack?quarter=Q3");
        Map<String, byte[]> files = Packs.open(pack);

        assertThat(files.keySet())
                .containsExactly(
                        PackFormat.EVENTS,
                        PackFormat.PROOF,
                        PackFormat.READINESS,
                        PackFormat.MILESTONES,
                        PackFormat.BOARD,
                        PackFormat.DUE_DILIGENCE,
                        PackFormat.TRANSFERS,
                        PackFormat.REPORT,
                        PackFormat.README,
                        PackFormat.MANIFEST,
                        PackFormat.SIGNATURE);
        List<JsonNode> events = events(files);
        assertThat(events).hasSizeGreaterThan(20);
        assertThat(events)
                .extracting(e -> e.get("aggregateIdentifier").asText())
                .contains("QKS", "91Q")
                .allMatch(aggregate -> aggregate.equals("QKS") || aggregate.equals("91Q"));
        assertThat(events)
                .extracting(e -> Instant.parse(e.get("timeStamp").asText()))
                .allMatch(at -> at.isBefore(END_OF_Q3));
        assertThat(events)
                .extracting(e -> e.get("sequence").asLong())
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("DesignateAppointmentConfirmed");
            assertThat(e.get("actorRole").asText()).isEqualTo("PROGRAMME_MANAGER");
        });
        // every event up to the end of Q3 that the ledger says is about QKS or its CCG, and nothing else
        long expected = jdbc.sql("""
                        SELECT count(*) FROM audit_ledger
                         WHERE (ics_code = 'QKS' OR ccg_code = '91Q') AND occurred_at < :end""")
                .param("end", java.sql.Timestamp.from(END_OF_Q3))
                .query(Long.class)
                .single();
        assertThat(events).hasSize((int) expected);

        JsonNode manifest = json(files.get(PackFormat.MANIFEST));
        assertThat(manifest.path("quarter").asText()).isEqualTo("Q3");
        assertThat(manifest.path("quarterEnd").asText()).isEqualTo("2021-12-31");
        assertThat(manifest.path("ratedAt").asText()).isEqualTo("2021-12-31");
        assertThat(manifest.path("ccgs").toString()).isEqualTo("[\"91Q\"]");
        assertThat(manifest.path("requestedBy").path("sub").asText()).isEqualTo("auditor");
        assertThat(manifest.path("events").asLong()).isEqualTo(events.size());
        assertThat(manifest.path("files")).hasSize(PackFormat.LISTED.size());
        for (JsonNode file : manifest.path("files")) {
            assertThat(file.path("sha256").asText())
                    .as(file.path("name").asText())
                    .isEqualTo(sha256(files.get(file.path("name").asText())));
        }
        JsonNode digest = json(files.get(PackFormat.PROOF)).path("digest");
        assertThat(manifest.path("digest").path("root").asText())
                .isEqualTo(digest.path("root").asText());
        assertThat(json(api.get("/api/v1/audit/verify?digestEvents="
                                        + digest.path("events").asLong()
                                        + "&digestHead=" + digest.path("head").asText() + "&digestRoot="
                                        + digest.path("root").asText())
                                .token(auditor)
                                .send()
                                .body()
                                .getBytes(StandardCharsets.UTF_8))
                        .path("verified")
                        .asBoolean())
                .as("the service still vouches for the pack's digest")
                .isTrue();

        // the views as known at the end of Q3, rated on its last day
        assertThat(Packs.lines(files, PackFormat.READINESS).get(1)).contains("QKS", "2021-12-31");
        assertThat(Packs.text(files, PackFormat.MILESTONES))
                .contains("Q3-SHADOW-READY")
                .doesNotContain("Q4-");
        String report = Packs.text(files, PackFormat.REPORT);
        assertThat(report)
                .contains("Kent and Medway", "Q3-SHADOW-READY", "History", "confirmed as designate")
                .doesNotContain("<script", "<link", "src=", "url(");

        Packs.Verdict verdict = Packs.verify(folder, pack, "--keys", keys.toString());
        assertThat(verdict.status()).as("%s", verdict).isZero();
        assertThat(verdict.out()).contains("VERIFIED", "signature checked against the published key");

        Packs.Verdict withoutKeys = Packs.verify(folder, pack);
        assertThat(withoutKeys.status()).as("%s", withoutKeys).isZero();
        assertThat(withoutKeys.out())
                .contains("fingerprint "
                        + json(Packs.text(files, PackFormat.MANIFEST))
                                .path("signingKey")
                                .path("kid")
                                .asText())
                .contains("compare it with the service's published keys");
    }

    @Test
    void the_verifier_catches_a_changed_byte_a_removed_event_an_added_event_and_a_swapped_proof() {
        Map<String, byte[]> files = Packs.open(pack("/api/v1/systems/QKS/evidence-pack?quarter=Q3"));
        List<String> lines = Packs.lines(files, PackFormat.EVENTS);

        // a changed byte: one character of one event's payload (QKS becomes QKZ)
        String pattern = "\\\"icsCode\\\":\\\"QKS";
        int which = lines.size() / 2;
        while (!lines.get(which).contains(pattern)) {
            which++;
        }
        String line = lines.get(which);
        int at = line.indexOf(pattern) + pattern.length() - 1;
        List<String> changed = new ArrayList<>(lines);
        changed.set(which, line.substring(0, at) + "Z" + line.substring(at + 1));
        Packs.Verdict byte_ = verify(Packs.with(files, PackFormat.EVENTS, changed));
        assertThat(byte_.status()).as("%s", byte_).isEqualTo(1);
        assertThat(byte_.err()).contains("NOT VERIFIED", "events.ndjson was changed", "does not match its ledger hash");

        // a removed event
        List<String> removed = new ArrayList<>(lines);
        String gone = removed.remove(3);
        Packs.Verdict removal = verify(Packs.with(files, PackFormat.EVENTS, removed));
        assertThat(removal.status()).as("%s", removal).isEqualTo(1);
        assertThat(removal.err())
                .contains("ledger entry " + json(gone).path("sequence").asLong() + " is named by proof.json but"
                        + " missing from events.ndjson: an event was removed");

        // an added event: one of Kent and Medway's own, recorded after the end of Q3
        Map<String, byte[]> q4 = Packs.open(pack("/api/v1/systems/QKS/evidence-pack?quarter=Q4"));
        String later = Packs.lines(q4, PackFormat.EVENTS)
                .get(Packs.lines(q4, PackFormat.EVENTS).size() - 1);
        List<String> added = new ArrayList<>(lines);
        added.add(later);
        Packs.Verdict addition = verify(Packs.with(files, PackFormat.EVENTS, added));
        assertThat(addition.status()).as("%s", addition).isEqualTo(1);
        assertThat(addition.err())
                .contains("is not named by proof.json: an event was added")
                .contains("was recorded after the pack's instant");

        // an added event: another ICS's, from its own genuine pack
        Map<String, byte[]> other = Packs.open(pack("/api/v1/systems/QNQ/evidence-pack?quarter=Q3"));
        List<String> foreign = new ArrayList<>(lines);
        foreign.add(0, Packs.lines(other, PackFormat.EVENTS).get(0));
        Packs.Verdict stranger = verify(Packs.with(files, PackFormat.EVENTS, foreign));
        assertThat(stranger.status()).as("%s", stranger).isEqualTo(1);
        assertThat(stranger.err()).contains("not QKS or its CCGs: it was added");

        // a swapped proof: the Q2 pack's
        Map<String, byte[]> q2 = Packs.open(pack("/api/v1/systems/QKS/evidence-pack?quarter=Q2"));
        Packs.Verdict swapped = verify(Packs.with(files, PackFormat.PROOF, q2.get(PackFormat.PROOF)));
        assertThat(swapped.status()).as("%s", swapped).isEqualTo(1);
        assertThat(swapped.err()).contains("proof.json was changed", "an event was added");

        // and the untouched pack still verifies
        assertThat(verify(files).status()).isZero();
    }

    @Test
    void a_pack_whose_manifest_is_rewritten_to_match_is_caught_by_its_signature_or_by_whose_key_signed_it()
            throws Exception {
        Map<String, byte[]> files = Packs.open(pack("/api/v1/systems/QKS/evidence-pack?quarter=Q3"));
        List<String> lines = new ArrayList<>(Packs.lines(files, PackFormat.EVENTS));
        lines.remove(5);
        Map<String, byte[]> tampered = Packs.with(files, PackFormat.EVENTS, lines);
        ObjectNode manifest = (ObjectNode) json(files.get(PackFormat.MANIFEST));
        for (JsonNode file : manifest.withArray("files")) {
            ((ObjectNode) file)
                    .put("sha256", sha256(tampered.get(file.path("name").asText())));
            ((ObjectNode) file).put("bytes", tampered.get(file.path("name").asText()).length);
        }
        manifest.put("events", lines.size());
        byte[] rewritten = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        tampered = Packs.with(tampered, PackFormat.MANIFEST, rewritten);

        // the service's signature no longer covers it
        Packs.Verdict unsigned = verify(tampered);
        assertThat(unsigned.status()).as("%s", unsigned).isEqualTo(1);
        assertThat(unsigned.err()).contains("manifest.json is not the manifest the service signed");

        // signed again, with the forger's own key (and carrying it)
        RSAKey forger = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType(PackFormat.MANIFEST_TYPE))
                        .keyID(forger.getKeyID())
                        .jwk(forger.toPublicJWK())
                        .build(),
                new Payload(rewritten));
        jws.sign(new RSASSASigner(forger));
        Map<String, byte[]> resigned =
                Packs.with(tampered, PackFormat.SIGNATURE, jws.serialize().getBytes(StandardCharsets.US_ASCII));

        Packs.Verdict withKeys = verify(resigned);
        assertThat(withKeys.status()).as("%s", withKeys).isEqualTo(1);
        assertThat(withKeys.err()).contains("which is not one of the service's published keys");
        // without the published keys the signature holds, but the proof still misses the removed event
        Packs.Verdict withoutKeys = Packs.verify(folder, Packs.zip(resigned));
        assertThat(withoutKeys.status()).as("%s", withoutKeys).isEqualTo(1);
        assertThat(withoutKeys.out()).contains("fingerprint " + forger.getKeyID());
        assertThat(withoutKeys.err()).contains("an event was removed");
    }

    @Test
    void a_pack_made_against_a_signed_digest_leads_to_it_and_to_no_other() throws IOException {
        Api.Response signed =
                api.get("/api/v1/audit/digest?signed=true").token(auditor).send();
        assertThat(signed.status()).as("%s", signed).isEqualTo(200);
        assertThat(signed.header("Content-Type")).startsWith("application/jose");
        Path digestFile = Files.writeString(folder.resolve("digest.jws"), signed.body());
        JsonNode digest =
                json(java.util.Base64.getUrlDecoder().decode(signed.body().split("\\.")[1]));

        byte[] pack = pack("/api/v1/systems/QKS/evidence-pack?quarter=Q3&digestEvents="
                + digest.path("events").asLong());
        Packs.Verdict leads = Packs.verify(folder, pack, "--keys", keys.toString(), "--digest", digestFile.toString());
        assertThat(leads.status()).as("%s", leads).isZero();
        assertThat(leads.out()).contains("the proof leads to the published digest");

        // a digest published earlier, of fewer entries: the proof does not lead to it
        long earlier = digest.path("events").asLong() - 1;
        String earlierDigest =
                "{\"events\":" + earlier + ",\"head\":\"" + "0".repeat(64) + "\",\"root\":\"" + "1".repeat(64) + "\"}";
        Path earlierFile = Files.writeString(folder.resolve("earlier.json"), earlierDigest);
        Packs.Verdict elsewhere =
                Packs.verify(folder, pack, "--keys", keys.toString(), "--digest", earlierFile.toString());
        assertThat(elsewhere.status()).as("%s", elsewhere).isEqualTo(1);
        assertThat(elsewhere.err()).contains("not to the published digest of " + earlier + " entries");
    }

    @Test
    void the_auditors_script_without_java_agrees_with_the_verifier() throws Exception {
        Path script =
                Path.of("../../docs/audit/verify_pack.py").toAbsolutePath().normalize();
        Assumptions.assumeTrue(python(List.of("--version")).status() == 0, "python3 is not installed here");
        Map<String, byte[]> files = Packs.open(pack("/api/v1/systems/QKS/evidence-pack?quarter=Q3"));
        Path genuine = Files.write(folder.resolve("genuine.zip"), Packs.zip(files));

        Packs.Verdict whole = python(List.of(script.toString(), genuine.toString(), keys.toString()));
        assertThat(whole.status()).as("%s", whole).isZero();
        assertThat(whole.out()).contains("VERIFIED");

        List<String> lines = new ArrayList<>(Packs.lines(files, PackFormat.EVENTS));
        lines.remove(2);
        Path removed =
                Files.write(folder.resolve("removed.zip"), Packs.zip(Packs.with(files, PackFormat.EVENTS, lines)));
        Packs.Verdict caught = python(List.of(script.toString(), removed.toString(), keys.toString()));
        assertThat(caught.status()).as("%s", caught).isEqualTo(1);
        assertThat(caught.err()).contains("events.ndjson was changed", "an event was removed");
    }

    // ---------------------------------------------------------------- helpers

    private static Packs.Verdict python(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("python3");
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException notInstalled) {
            return new Packs.Verdict(127, "", notInstalled.getMessage());
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Packs.Verdict(process.waitFor(), out, err);
    }

    private Packs.Verdict verify(Map<String, byte[]> files) {
        return Packs.verify(folder, Packs.zip(files), "--keys", keys.toString());
    }

    private byte[] pack(String path) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Bearer " + auditor)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode())
                    .as("%s answered %s", path, new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> events(Map<String, byte[]> files) {
        return Packs.lines(files, PackFormat.EVENTS).stream()
                .map(KentAndMedwayEvidencePackTest::json)
                .toList();
    }

    private static JsonNode json(String text) {
        return json(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
