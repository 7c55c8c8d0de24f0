package uk.nhs.ics.transition.audit.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one ledger entry: SHA-256 over the previous entry's hash and a canonical encoding of the event.
 *
 * <p>The encoding is the event's identifier, aggregate type and identifier, sequence number, payload type and
 * revision, timestamp, payload bytes and metadata bytes, each preceded by its length (4 bytes, big-endian), so no
 * two different events can encode alike. The first entry chains from {@link #GENESIS}.
 */
public final class ChainHash {

    /** The hash the first entry chains from. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {}

    public static String of(String previousHash, StoredEvent event) {
        MessageDigest digest = sha256();
        digest.update(HEX.parseHex(previousHash));
        digest.update(encoding(event));
        return HEX.formatHex(digest.digest());
    }

    /**
     * The canonical encoding of the event as stored (everything but its global index, which the store assigns): the
     * bytes both the chain and an event's seal ({@link EventSeals}) are computed over.
     */
    public static byte[] encoding(StoredEvent event) {
        java.io.ByteArrayOutputStream bytes =
                new java.io.ByteArrayOutputStream(256 + length(event.payload()) + length(event.metaData()));
        Encoder digest = new Encoder(bytes);
        field(digest, text(event.eventIdentifier()));
        field(digest, text(event.aggregateType()));
        field(digest, text(event.aggregateIdentifier()));
        field(digest, text(Long.toString(event.sequenceNumber())));
        field(digest, text(event.payloadType()));
        field(digest, text(event.payloadRevision()));
        field(digest, text(event.timeStamp()));
        field(digest, event.payload());
        field(digest, event.metaData());
        return bytes.toByteArray();
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    /** Where the encoding goes. */
    private record Encoder(java.io.ByteArrayOutputStream out) {
        void update(byte[] bytes) {
            out.write(bytes, 0, bytes.length);
        }
    }

    private static void field(Encoder digest, byte[] value) {
        byte[] bytes = value == null ? new byte[0] : value;
        digest.update(
                ByteBuffer.allocate(4).putInt(value == null ? -1 : bytes.length).array());
        digest.update(bytes);
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
