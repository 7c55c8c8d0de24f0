package uk.nhs.ics.transition.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import uk.nhs.ics.transition.audit.evidence.EventLines;
import uk.nhs.ics.transition.audit.evidence.PackEntry;
import uk.nhs.ics.transition.audit.evidence.PackFormat;
import uk.nhs.ics.transition.audit.ledger.ChainHash;
import uk.nhs.ics.transition.audit.ledger.MerkleTree;

/**
 * Checks an evidence pack without the service: the manifest's signature, every file's SHA-256, every event against
 * its ledger hash, and the events against the proof and the digest it leads to (see
 * docs/decisions/0024-evidence-packs-verify-offline.md). It reports everything it finds wrong, not only the first.
 *
 * <p>Whose signature it is: with the published keys ({@code --keys}, the JWK set from {@code GET /api/v1/audit/keys})
 * the manifest must be signed by one of them; without, it is checked against the key the pack carries and that key's
 * fingerprint is printed, to compare with the published one (only then is the pack known to be the service's).
 */
public final class PackVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many problems of one kind are named before the rest are only counted. */
    private static final int NAMED = 20;

    /** What the verifier found. */
    public record Outcome(List<String> problems, List<String> findings) {

        public boolean verified() {
            return problems.isEmpty();
        }
    }

    private final List<String> problems = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> counted = new HashMap<>();

    private PackVerifier() {}

    /**
     * @param pack the zip
     * @param keys the published key set (a JWK set file), or null to check against the key the pack carries
     * @param digest a published digest (JSON from {@code /audit/digest}, or its signed JWS), or null
     */
    public static Outcome verify(Path pack, Path keys, Path digest) throws IOException {
        PackVerifier verifier = new PackVerifier();
        verifier.run(pack, keys, digest);
        return new Outcome(List.copyOf(verifier.problems), List.copyOf(verifier.findings));
    }

    private void run(Path pack, Path keys, Path digest) throws IOException {
        JWKSet published = keys == null ? null : keySet(keys);
        try (ZipFile zip = new ZipFile(pack.toFile(), StandardCharsets.UTF_8)) {
            if (!filesAreThePacks(zip)) {
                return;
            }
            byte[] manifestBytes = read(zip, PackFormat.MANIFEST);
            JsonNode manifest = JSON.readTree(manifestBytes);
            signature(new String(read(zip, PackFormat.SIGNATURE), StandardCharsets.US_ASCII), manifestBytes, published);
            files(zip, manifest);
            Events events = events(zip, manifest);
            JsonNode proof = JSON.readTree(read(zip, PackFormat.PROOF));
            proof(proof, manifest, events);
            if (digest != null) {
                published(digest, proof.path("digest"), published);
            }
            findings.add("pack of " + manifest.path("ics").path("code").asText() + " ("
                    + manifest.path("ics").path("name").asText() + "), "
                    + manifest.path("quarter").asText()
                    + ", known as of " + manifest.path("knownAsOf").asText() + ", ratings for "
                    + manifest.path("ratedAt").asText());
            findings.add(events.count + " events; digest of "
                    + proof.path("digest").path("events").asLong()
                    + " ledger entries, head "
                    + proof.path("digest").path("head").asText() + ", root "
                    + proof.path("digest").path("root").asText());
        } catch (java.util.zip.ZipException notAZip) {
            problems.add(pack + " is not a zip file: " + notAZip.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            problems.add("a file of the pack is not valid JSON: " + notJson.getOriginalMessage());
        }
    }

    // ---------------------------------------------------------------- which files

    private boolean filesAreThePacks(ZipFile zip) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> expected = new LinkedHashSet<>(PackFormat.LISTED);
        expected.add(PackFormat.MANIFEST);
        expected.add(PackFormat.SIGNATURE);
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!names.add(entry.getName())) {
                problems.add("the zip holds two files called " + entry.getName() + ": one was added");
            }
            if (!expected.contains(entry.getName())) {
                problems.add(entry.getName() + " is not part of an evidence pack: it was added");
            }
        }
        for (String name : List.of(PackFormat.MANIFEST, PackFormat.SIGNATURE, PackFormat.EVENTS, PackFormat.PROOF)) {
            if (!names.contains(name)) {
                problems.add("the pack has no " + name + ": it was removed");
            }
        }
        return names.containsAll(
                List.of(PackFormat.MANIFEST, PackFormat.SIGNATURE, PackFormat.EVENTS, PackFormat.PROOF));
    }

    // ---------------------------------------------------------------- the signature

    private void signature(String compact, byte[] manifest, JWKSet published) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact.strip());
        } catch (ParseException e) {
            problems.add(PackFormat.SIGNATURE + " is not a JWS: " + e.getMessage());
            return;
        }
        if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())) {
            problems.add(PackFormat.SIGNATURE + " is signed with "
                    + jws.getHeader().getAlgorithm() + "; the service signs with RS256 only");
            return;
        }
        String kid = jws.getHeader().getKeyID();
        RSAKey key;
        if (published != null) {
            JWK found = kid == null ? null : published.getKeyByKeyId(kid);
            if (!(found instanceof RSAKey rsa)) {
                problems.add("the manifest is signed with key " + kid
                        + ", which is not one of the service's published keys: it was not signed by the service");
                return;
            }
            key = rsa;
            findings.add("signature checked against the published key " + kid);
        } else {
            if (!(jws.getHeader().getJWK() instanceof RSAKey carried)) {
                problems.add(PackFormat.SIGNATURE + " carries no RSA key; give the published keys with --keys");
                return;
            }
            String fingerprint = thumbprint(carried);
            if (!fingerprint.equals(kid)) {
                problems.add(PackFormat.SIGNATURE + " names key " + kid + " but carries key " + fingerprint);
                return;
            }
            key = carried;
            findings.add("signature checked against the key the pack carries, fingerprint " + fingerprint
                    + " (RFC 7638): compare it with the service's published keys (GET /api/v1/audit/keys), or give"
                    + " them with --keys; until then the pack is whole, but not known to be the service's");
        }
        try {
            if (!jws.verify(new RSASSAVerifier(key))) {
                problems.add("the manifest's signature does not verify: manifest.jws was changed or forged");
                return;
            }
        } catch (JOSEException e) {
            problems.add("the manifest's signature cannot be checked: " + e.getMessage());
            return;
        }
        if (!Arrays.equals(jws.getPayload().toBytes(), manifest)) {
            problems.add(PackFormat.MANIFEST + " is not the manifest the service signed: it was changed");
        }
    }

    // ---------------------------------------------------------------- the files' hashes

    private void files(ZipFile zip, JsonNode manifest) throws IOException {
        if (!PackFormat.FORMAT.equals(manifest.path("format").asText())) {
            problems.add(
                    "the manifest is of format " + manifest.path("format").asText() + ", not " + PackFormat.FORMAT);
        }
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode file : manifest.path("files")) {
            String name = file.path("name").asText();
            listed.add(name);
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                problems.add(name + " is listed in the manifest but missing from the pack: it was removed");
                continue;
            }
            MessageDigest sha256 = sha256();
            long bytes = 0;
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes += n;
                }
            }
            String actual = HEX.formatHex(sha256.digest());
            if (!actual.equals(file.path("sha256").asText())
                    || bytes != file.path("bytes").asLong()) {
                problems.add(name + " was changed: its SHA-256 is " + actual + " (" + bytes + " bytes), the manifest"
                        + " says " + file.path("sha256").asText() + " ("
                        + file.path("bytes").asLong() + " bytes)");
            }
        }
        for (String name : PackFormat.LISTED) {
            if (!listed.contains(name)) {
                problems.add("the manifest does not list " + name);
            }
        }
    }

    // ---------------------------------------------------------------- the events

    /** The events' places in the ledger and their entry hashes, in file order. */
    private static final class Events {
        private final List<Long> sequences = new ArrayList<>();
        private final List<byte[]> hashes = new ArrayList<>();
        private long count;
    }

    private Events events(ZipFile zip, JsonNode manifest) throws IOException {
        Events events = new Events();
        String ics = manifest.path("ics").path("code").asText();
        Set<String> organisations = new LinkedHashSet<>();
        organisations.add(ics);
        manifest.path("ccgs").forEach(ccg -> organisations.add(ccg.asText()));
        Instant knownAsOf = instant(manifest.path("knownAsOf").asText());
        long previousSequence = 0;
        String previousHash = null;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(zip.getInputStream(zip.getEntry(PackFormat.EVENTS)), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String text; (text = lines.readLine()) != null; ) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                String where = PackFormat.EVENTS + " line " + number;
                JsonNode line;
                PackEntry entry;
                try {
                    line = JSON.readTree(text);
                    entry = EventLines.read(line);
                } catch (IOException | IllegalArgumentException unreadable) {
                    count("unreadable", where + " is not an event line: " + unreadable.getMessage());
                    continue;
                }
                where += " (ledger entry " + entry.sequence() + ")";
                events.count++;
                if (!entry.hash().matches("[0-9a-f]{64}")
                        || !entry.previousHash().matches("[0-9a-f]{64}")) {
                    count("unreadable", where + " has a hash that is not 64 hex digits: it was changed");
                    continue;
                }
                if (entry.sequence() <= previousSequence) {
                    count("order", where + " is out of ledger order or repeated: an event was added or moved");
                }
                if (!ChainHash.of(entry.previousHash(), entry.event()).equals(entry.hash())) {
                    count("hash", where + ": the event does not match its ledger hash: it was changed");
                }
                if (entry.sequence() == previousSequence + 1
                        && !entry.previousHash().equals(previousHash)) {
                    count("link", where + " does not link to the entry before it");
                }
                List<String> disagreements = EventLines.disagreements(line, entry);
                if (!disagreements.isEmpty()) {
                    count("derived", where + " says " + disagreements + " other than its metadata: it was changed");
                }
                if (!organisations.contains(entry.event().aggregateIdentifier()) && !concerns(entry, organisations)) {
                    count(
                            "scope",
                            where + " is about " + entry.event().aggregateIdentifier() + ", not " + ics
                                    + " or its CCGs: it was added");
                }
                Instant at = instant(entry.event().timeStamp());
                if (knownAsOf != null && at != null && at.isAfter(knownAsOf)) {
                    count("time", where + " was recorded after the pack's instant: it was added");
                }
                previousSequence = Math.max(previousSequence, entry.sequence());
                previousHash = entry.hash();
                events.sequences.add(entry.sequence());
                events.hashes.add(hexOrZero(entry.hash()));
            }
        }
        reportCounts();
        if (manifest.path("events").asLong(-1) != events.count) {
            problems.add(PackFormat.EVENTS + " holds " + events.count + " events, the manifest says "
                    + manifest.path("events").asLong());
        }
        return events;
    }

    /** An approval is about an organisation by its payload, not by its own identifier. */
    private static boolean concerns(PackEntry entry, Set<String> organisations) {
        try {
            JsonNode payload = JSON.readTree(entry.event().payload());
            return organisations.contains(payload.path("icsCode").asText(null))
                    || organisations.contains(payload.path("ccgCode").asText(null));
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }

    // ---------------------------------------------------------------- the proof

    private void proof(JsonNode proof, JsonNode manifest, Events events) {
        if (!PackFormat.PROOF_FORMAT.equals(proof.path("format").asText())) {
            problems.add(PackFormat.PROOF + " is of format "
                    + proof.path("format").asText() + ", not " + PackFormat.PROOF_FORMAT);
        }
        JsonNode digest = proof.path("digest");
        long size = digest.path("events").asLong(-1);
        String head = digest.path("head").asText();
        String root = digest.path("root").asText();
        JsonNode signed = manifest.path("digest");
        if (signed.path("events").asLong(-2) != size
                || !signed.path("head").asText().equals(head)
                || !signed.path("root").asText().equals(root)) {
            problems.add("the proof is of digest " + size + "/" + root + ", but the manifest names digest "
                    + signed.path("events").asLong() + "/" + signed.path("root").asText()
                    + ": the proof was swapped");
        }
        List<Long> named = new ArrayList<>();
        proof.path("entries").forEach(entry -> named.add(entry.asLong()));
        Set<Long> inEvents = new LinkedHashSet<>(events.sequences);
        Set<Long> inProof = new LinkedHashSet<>(named);
        for (Long sequence : named) {
            if (!inEvents.contains(sequence)) {
                count(
                        "removed",
                        "ledger entry " + sequence + " is named by " + PackFormat.PROOF + " but missing from "
                                + PackFormat.EVENTS + ": an event was removed");
            }
        }
        for (Long sequence : events.sequences) {
            if (!inProof.contains(sequence)) {
                count(
                        "added",
                        "ledger entry " + sequence + " of " + PackFormat.EVENTS + " is not named by " + PackFormat.PROOF
                                + ": an event was added");
            }
        }
        reportCounts();
        if (size < 0 || !head.matches("[0-9a-f]{64}") || !root.matches("[0-9a-f]{64}")) {
            problems.add(PackFormat.PROOF + " has no digest (events, head, root)");
            return;
        }
        // the known leaves: the pack's entries, and the digest's head as the tree's last leaf
        Map<Long, byte[]> known = new java.util.TreeMap<>();
        for (int i = 0; i < events.sequences.size(); i++) {
            long sequence = events.sequences.get(i);
            if (sequence < 1 || sequence > size) {
                count(
                        "outside",
                        "ledger entry " + sequence + " is not among the digest's " + size + " entries: it was added");
                continue;
            }
            known.put(sequence - 1, events.hashes.get(i));
        }
        reportCounts();
        if (size > 0) {
            byte[] headHash = HEX.parseHex(head);
            byte[] already = known.putIfAbsent(size - 1, headHash);
            if (already != null && !Arrays.equals(already, headHash)) {
                problems.add("ledger entry " + size + " is not the digest's head");
            }
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : proof.path("proof")) {
            String hex = hash.asText();
            if (!hex.matches("[0-9a-f]{64}")) {
                problems.add(PackFormat.PROOF + " holds a hash that is not 64 hex digits: " + hex);
                return;
            }
            hashes.add(HEX.parseHex(hex));
        }
        try {
            byte[] recomputed = MerkleTree.root(
                    size,
                    known.keySet().stream().mapToLong(Long::longValue).toArray(),
                    new ArrayList<>(known.values()),
                    hashes.iterator());
            if (!HEX.formatHex(recomputed).equals(root)) {
                problems.add("the events and " + PackFormat.PROOF + " do not lead to the digest's root " + root
                        + " (they give " + HEX.formatHex(recomputed) + "): an event or the proof was changed,"
                        + " added or removed");
            } else {
                findings.add("every event leads, through the proof, to the ledger's digest of " + size + " entries");
            }
        } catch (IllegalArgumentException wrongShape) {
            problems.add("the events and " + PackFormat.PROOF + " do not fit the ledger's tree of " + size
                    + " entries (" + wrongShape.getMessage() + "): an event or the proof was changed, added or"
                    + " removed");
        }
    }

    // ---------------------------------------------------------------- a published digest

    private void published(Path file, JsonNode proofDigest, JWKSet keys) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        JsonNode digest;
        if (text.startsWith("{")) {
            digest = JSON.readTree(text);
        } else {
            try {
                JWSObject jws = JWSObject.parse(text);
                RSAKey key = keys == null
                        ? (jws.getHeader().getJWK() instanceof RSAKey carried ? carried : null)
                        : (keys.getKeyByKeyId(jws.getHeader().getKeyID()) instanceof RSAKey found ? found : null);
                if (key == null
                        || !JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())
                        || !jws.verify(new RSASSAVerifier(key))) {
                    problems.add("the published digest " + file + " is not signed by "
                            + (keys == null ? "the key it carries" : "one of the published keys"));
                    return;
                }
                digest = JSON.readTree(jws.getPayload().toBytes());
            } catch (ParseException | JOSEException e) {
                problems.add("the published digest " + file + " is neither JSON nor a JWS: " + e.getMessage());
                return;
            }
        }
        if (digest.path("events").asLong(-1) != proofDigest.path("events").asLong(-2)
                || !digest.path("head").asText().equals(proofDigest.path("head").asText())
                || !digest.path("root").asText().equals(proofDigest.path("root").asText())) {
            problems.add("the proof leads to the digest of "
                    + proofDigest.path("events").asLong() + " entries, root "
                    + proofDigest.path("root").asText() + ", not to the published digest of "
                    + digest.path("events").asLong() + " entries, root "
                    + digest.path("root").asText()
                    + " (ask for a pack with digestEvents="
                    + digest.path("events").asLong() + ")");
        } else {
            findings.add("the proof leads to the published digest in " + file);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void count(String kind, String problem) {
        int seen = counted.merge(kind, 1, Integer::sum);
        if (seen <= NAMED) {
            problems.add(problem);
        }
    }

    private void reportCounts() {
        counted.forEach((kind, seen) -> {
            if (seen > NAMED) {
                problems.add("... and " + (seen - NAMED) + " more like the last");
            }
        });
        counted.clear();
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    private static JWKSet keySet(Path file) throws IOException {
        try {
            return JWKSet.load(file.toFile());
        } catch (ParseException e) {
            throw new IOException(file + " is not a JWK set (GET /api/v1/audit/keys gives one): " + e.getMessage(), e);
        }
    }

    /** The key's RFC 7638 thumbprint, as the service names its keys. */
    static String thumbprint(RSAKey key) {
        try {
            return key.toPublicJWK().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static byte[] hexOrZero(String hex) {
        return hex != null && hex.matches("[0-9a-f]{64}") ? HEX.parseHex(hex) : new byte[32];
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
