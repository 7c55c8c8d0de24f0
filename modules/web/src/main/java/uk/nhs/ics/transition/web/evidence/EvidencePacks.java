package uk.nhs.ics.transition.web.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.audit.evidence.EventLines;
import uk.nhs.ics.transition.audit.evidence.EvidenceEntries;
import uk.nhs.ics.transition.audit.evidence.PackFormat;
import uk.nhs.ics.transition.audit.ledger.Digest;
import uk.nhs.ics.transition.audit.ledger.LedgerTreeStore;
import uk.nhs.ics.transition.audit.ledger.LedgerVerifier;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.programme.BaselineRecord;
import uk.nhs.ics.transition.projections.programme.ProgrammeQueries;
import uk.nhs.ics.transition.web.audit.ServiceSigner;
import uk.nhs.ics.transition.web.http.ProjectionBehind;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Grant;

/**
 * Makes an ICS's evidence pack: a zip of its events with their ledger entries ({@code events.ndjson}), the proof that
 * links them to the ledger's digest ({@code proof.json}), the views as known at the pack's instant (CSV), a readable
 * report ({@code report.html}), and a manifest of every file's SHA-256 signed by the service ({@code manifest.json},
 * {@code manifest.jws}). See docs/decisions/0024-evidence-packs-verify-offline.md.
 *
 * <p>Everything a request can be refused for is settled first ({@link #prepare}), so the zip is never cut short by a
 * refusal. The pack is then written in one read-only transaction that sees one snapshot of the store, the ledger and
 * its tree, streaming: events go from a database cursor through the zip to the client, and memory grows only with
 * the 8 bytes of each event's place in the ledger, which the proof needs.
 */
public class EvidencePacks {

    /** How long a pack waits for the audit ledger to record the events stored before it was asked for. */
    private static final Duration LEDGER_PATIENCE = Duration.ofSeconds(10);

    private static final HexFormat HEX = HexFormat.of();

    private final ReferenceData reference;
    private final ProgrammeQueries programme;
    private final EvidenceEntries entries;
    private final LedgerTreeStore tree;
    private final LedgerVerifier verifier;
    private final EvidenceViews views;
    private final EvidenceReport report;
    private final ServiceSigner signer;
    private final ObjectMapper json;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final Clock businessClock;
    private final Clock systemClock;

    public EvidencePacks(
            ReferenceData reference,
            ProgrammeQueries programme,
            EvidenceEntries entries,
            LedgerTreeStore tree,
            LedgerVerifier verifier,
            EvidenceViews views,
            EvidenceReport report,
            ServiceSigner signer,
            ObjectMapper json,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock businessClock,
            Clock systemClock) {
        this.reference = reference;
        this.programme = programme;
        this.entries = entries;
        this.tree = tree;
        this.verifier = verifier;
        this.views = views;
        this.report = report;
        this.signer = signer;
        this.json = json;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.businessClock = businessClock;
        this.systemClock = systemClock;
    }

    /**
     * Settles what the pack is of, refusing what cannot be made: an unknown quarter, an {@code asOf} outside the
     * programme, a digest that does not hold the pack's events. Waits briefly for the ledger to record what the store
     * already holds.
     *
     * @param quarterAsked {@code Q1} to {@code Q4}, {@code EST} or {@code ALL}
     * @param asOf what was known by then; null for now
     * @param digestEvents the digest (its event count) the proof must lead to; null for the ledger as it is now
     */
    public EvidencePackRequest prepare(
            String icsCode,
            String quarterAsked,
            Instant asOf,
            Long digestEvents,
            Caller caller,
            Grant grant,
            String correlationId) {
        Instant now = systemClock.instant();
        String quarter = quarterAsked == null ? "ALL" : quarterAsked.strip().toUpperCase(Locale.ROOT);
        Quarter period = period(quarter);
        if (asOf != null
                && (asOf.isBefore(Programme.START.atStartOfDay(Programme.ZONE).toInstant()) || asOf.isAfter(now))) {
            throw new RuleViolation(
                    ErrorCode.AS_OF_OUTSIDE_PROGRAMME,
                    "asOf",
                    "asOf must fall between the start of the programme (" + Programme.START + ") and now");
        }
        Instant known = asOf == null ? now : asOf;
        LocalDate ratedAt = asOf == null ? LocalDate.now(businessClock) : LocalDate.ofInstant(asOf, Programme.ZONE);
        LocalDate quarterEnd = null;
        if (period != null) {
            List<BaselineRecord> baselines = programme.baselines(AsOf.of(asOf));
            BaselineRecord latest = baselines.isEmpty()
                    ? ProgrammeQueries.inForce(baselines, Programme.START)
                    : baselines.get(baselines.size() - 1);
            quarterEnd = latest.baseline().end(period);
            Instant endOfQuarter = quarterEnd
                    .plusDays(1)
                    .atStartOfDay(Programme.ZONE)
                    .toInstant()
                    .minusNanos(1_000);
            if (endOfQuarter.isBefore(known)) {
                known = endOfQuarter;
                ratedAt = quarterEnd;
            }
        }
        IcsCode ics = IcsCode.of(icsCode);
        ReferenceData.Ics system = reference.ics(ics).orElseThrow();
        List<String> ccgs = reference.ccgs().stream()
                .filter(ccg -> reference.possibleReceiversOf(ccg.code()).contains(ics))
                .map(ccg -> ccg.code().value())
                .sorted()
                .toList();
        awaitLedger();
        if (digestEvents != null) {
            checkDigestCovers(digestEvents, icsCode, ccgs, known);
        }
        return new EvidencePackRequest(
                icsCode,
                system.name(),
                system.region().value(),
                ccgs,
                quarter,
                quarterEnd,
                known,
                ratedAt,
                asOf,
                digestEvents,
                new EvidencePackRequest.Requester(
                        caller.subject(), caller.name(), grant.role().name(), grant.scope()),
                correlationId,
                now);
    }

    private static Quarter period(String quarter) {
        if (quarter.equals("ALL")) {
            return null;
        }
        return Arrays.stream(Quarter.values())
                .filter(q -> q.name().equals(quarter))
                .findFirst()
                .orElseThrow(() -> new RuleViolation(
                        ErrorCode.UNKNOWN_QUARTER, "quarter", "quarter must be Q1, Q2, Q3, Q4, EST or ALL"));
    }

    /** Waits until the ledger has recorded every event stored before the pack was asked for. */
    private void awaitLedger() {
        long stored = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")
                .query(Long.class)
                .single();
        long deadline = System.nanoTime() + LEDGER_PATIENCE.toNanos();
        while (jdbc.sql("SELECT coalesce(max(global_index), 0) FROM audit_ledger")
                        .query(Long.class)
                        .single()
                < stored) {
            if (System.nanoTime() > deadline) {
                throw new ProjectionBehind("the audit ledger has not yet recorded every event stored before the pack"
                        + " was asked for; retry shortly");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectionBehind("interrupted while waiting for the audit ledger");
            }
        }
    }

    private void checkDigestCovers(long digestEvents, String ics, List<String> ccgs, Instant known) {
        long size = jdbc.sql("SELECT coalesce(max(sequence), 0) FROM audit_ledger")
                .query(Long.class)
                .single();
        if (digestEvents > size) {
            throw new RuleViolation(
                    ErrorCode.DIGEST_DOES_NOT_COVER_PACK,
                    "digestEvents",
                    "the ledger has " + size + " events: there is no digest of " + digestEvents);
        }
        long last = jdbc.sql("""
                        SELECT coalesce(max(l.sequence), 0) FROM audit_ledger l
                         WHERE (l.ics_code = :ics OR l.ccg_code = ANY(CAST(:ccgs AS text[]))) AND l.occurred_at <= :known""")
                .param("ics", ics)
                .param("ccgs", ccgs.toArray(String[]::new))
                .param("known", java.sql.Timestamp.from(known))
                .query(Long.class)
                .single();
        if (digestEvents < last) {
            throw new RuleViolation(
                    ErrorCode.DIGEST_DOES_NOT_COVER_PACK,
                    "digestEvents",
                    "the pack's last event is ledger entry " + last + ", after the digest of " + digestEvents
                            + " events: ask for a later digest, or an earlier asOf");
        }
    }

    /** Writes the pack as a zip to the stream (which it does not close). */
    public void write(EvidencePackRequest request, OutputStream out) {
        snapshot.executeWithoutResult(tx -> {
            try {
                writeZip(request, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void writeZip(EvidencePackRequest request, OutputStream out) throws IOException {
        long size = request.digestEventsAsked() != null
                ? request.digestEventsAsked()
                : jdbc.sql("SELECT coalesce(max(sequence), 0) FROM audit_ledger")
                        .query(Long.class)
                        .single();
        Digest digest = verifier.digestOf(size, request.generatedAt());
        ZipOutputStream zip = new ZipOutputStream(out);
        List<Map<String, Object>> files = new ArrayList<>();
        Positions positions = new Positions();

        file(zip, files, PackFormat.EVENTS, stream -> {
            JsonGenerator lines = json.getFactory().createGenerator(stream);
            lines.setRootValueSeparator(null);
            entries.stream(request.icsCode(), request.ccgs(), request.knownAsOf(), size, entry -> {
                try {
                    EventLines.write(lines, entry);
                    lines.writeRaw('\n');
                    positions.add(entry.sequence() - 1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            lines.flush();
        });
        file(zip, files, PackFormat.PROOF, stream -> json.writerWithDefaultPrettyPrinter()
                .writeValue(nonClosing(stream), proof(digest, positions)));
        file(zip, files, PackFormat.READINESS, stream -> views.readiness(request, stream));
        file(zip, files, PackFormat.MILESTONES, stream -> views.milestones(request, stream));
        file(zip, files, PackFormat.BOARD, stream -> views.board(request, stream));
        file(zip, files, PackFormat.DUE_DILIGENCE, stream -> views.dueDiligence(request, stream));
        file(zip, files, PackFormat.TRANSFERS, stream -> views.transfers(request, stream));
        file(zip, files, PackFormat.REPORT, stream -> report.write(request, digest, positions.count(), stream));
        file(
                zip,
                files,
                PackFormat.README,
                stream -> stream.write(
                        EvidenceReport.readme(request, digest).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        byte[] manifest = json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(manifest(request, digest, positions.count(), files));
        zip.putNextEntry(new ZipEntry(PackFormat.MANIFEST));
        zip.write(manifest);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(PackFormat.SIGNATURE));
        zip.write(signer.sign(manifest, PackFormat.MANIFEST_TYPE).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private ObjectNode proof(Digest digest, Positions positions) {
        long[] pack = positions.toArray();
        long[] known = pack;
        if (digest.events() > 0 && (pack.length == 0 || pack[pack.length - 1] != digest.events() - 1)) {
            known = Arrays.copyOf(pack, pack.length + 1);
            known[pack.length] = digest.events() - 1;
        }
        ObjectNode proof = json.createObjectNode();
        proof.put("format", PackFormat.PROOF_FORMAT);
        proof.put(
                "tree",
                "RFC 6962 Merkle tree over the ledger's entry hashes in sequence order (entry n is leaf n - 1):"
                        + " leaf = SHA-256(0x00 || entry hash), node = SHA-256(0x01 || left || right)");
        proof.put(
                "how",
                "Recompute the root from the entries' hashes (each recomputed from its event and previous hash),"
                        + " the digest's head as the last leaf, and these hashes, in the tree's recursion order"
                        + " (ranges without a known leaf take the next hash); it must equal digest.root");
        proof.set("digest", json.valueToTree(digest));
        ArrayNode sequences = proof.putArray("entries");
        for (long leaf : pack) {
            sequences.add(leaf + 1);
        }
        ArrayNode hashes = proof.putArray("proof");
        for (byte[] hash : tree.proof(digest.events(), known)) {
            hashes.add(HEX.formatHex(hash));
        }
        return proof;
    }

    private Map<String, Object> manifest(
            EvidencePackRequest request, Digest digest, long events, List<Map<String, Object>> files) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", PackFormat.FORMAT);
        manifest.put("service", "ics-transition");
        Map<String, Object> ics = new LinkedHashMap<>();
        ics.put("code", request.icsCode());
        ics.put("name", request.icsName());
        ics.put("region", request.regionCode());
        manifest.put("ics", ics);
        manifest.put("ccgs", request.ccgs());
        manifest.put("quarter", request.quarter());
        manifest.put("quarterEnd", request.quarterEnd());
        manifest.put("knownAsOf", request.knownAsOf());
        manifest.put("ratedAt", request.ratedAt());
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("quarter", request.quarter());
        asked.put("asOf", request.asOfAsked());
        asked.put("digestEvents", request.digestEventsAsked());
        manifest.put("parameters", asked);
        manifest.put("events", events);
        Map<String, Object> digestSummary = new LinkedHashMap<>();
        digestSummary.put("events", digest.events());
        digestSummary.put("head", digest.head());
        digestSummary.put("root", digest.root());
        manifest.put("digest", digestSummary);
        manifest.put("requestedBy", request.requestedBy());
        manifest.put("correlationId", request.correlationId());
        manifest.put("generatedAt", request.generatedAt());
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kid", signer.keyId());
        key.put("published", "GET /api/v1/audit/keys");
        manifest.put("signingKey", key);
        manifest.put("files", files);
        return manifest;
    }

    // ---------------------------------------------------------------- writing the zip's files

    private interface Content {
        void write(OutputStream stream) throws IOException;
    }

    /** Writes one file into the zip, noting its SHA-256 and size for the manifest. */
    private static void file(ZipOutputStream zip, List<Map<String, Object>> files, String name, Content content)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha256 = sha256();
        Counting counting = new Counting(nonClosing(zip));
        DigestOutputStream stream = new DigestOutputStream(counting, sha256);
        try {
            content.write(stream);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        stream.flush();
        zip.closeEntry();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", name);
        file.put("sha256", HEX.formatHex(sha256.digest()));
        file.put("bytes", counting.count);
        files.add(file);
    }

    /** A stream the zip's entries are written through: closing it (as writers do) leaves the zip open. */
    private static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(Objects.requireNonNull(out));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** The pack's leaves, ascending, 8 bytes each. */
    private static final class Positions {
        private long[] leaves = new long[1024];
        private int count;

        void add(long leaf) {
            if (count == leaves.length) {
                leaves = Arrays.copyOf(leaves, count * 2);
            }
            leaves[count++] = leaf;
        }

        int count() {
            return count;
        }

        long[] toArray() {
            return Arrays.copyOf(leaves, count);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
