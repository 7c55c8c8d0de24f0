package uk.nhs.ics.transition.audit.evidence;

import java.util.List;

/**
 * The names an evidence pack's files and fields go by: the service writes them, the offline verifier (and an
 * auditor's own script) reads them. Change a name and every pack made before it stops verifying: add, never rename.
 */
public final class PackFormat {

    /** The manifest's {@code format}. */
    public static final String FORMAT = "ics-transition-evidence-pack/1";
    /** The proof's {@code format}. */
    public static final String PROOF_FORMAT = "ics-transition-evidence-proof/1";

    public static final String EVENTS = "events.ndjson";
    public static final String PROOF = "proof.json";
    public static final String READINESS = "readiness.csv";
    public static final String MILESTONES = "milestones.csv";
    public static final String BOARD = "board.csv";
    public static final String DUE_DILIGENCE = "due-diligence.csv";
    public static final String TRANSFERS = "transfers.csv";
    public static final String REPORT = "report.html";
    public static final String README = "README.txt";
    public static final String MANIFEST = "manifest.json";
    /** The manifest signed: a JWS (compact serialisation, RS256) whose payload is {@link #MANIFEST}'s bytes. */
    public static final String SIGNATURE = "manifest.jws";

    /** Every file the manifest lists, in the order they are written. */
    public static final List<String> LISTED =
            List.of(EVENTS, PROOF, READINESS, MILESTONES, BOARD, DUE_DILIGENCE, TRANSFERS, REPORT, README);

    /** The JWS {@code typ} of a signed manifest. */
    public static final String MANIFEST_TYPE = "ics-transition-manifest+json";

    private PackFormat() {}
}
