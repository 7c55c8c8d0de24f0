package uk.nhs.ics.transition.audit.ledger;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals events as the service appends them, so that an event the service did not write is told apart from one it
 * did: an HMAC-SHA256 over the event's canonical encoding ({@link ChainHash#encoding}), with a key the database does
 * not hold (from configuration or a mounted secret), stored beside the event as {@code <key id>.<hex>}.
 *
 * <p>Keys rotate: new events are sealed with the current key, and every key still configured verifies the events it
 * sealed. A key that is dropped leaves its events unverifiable, which {@link #check} reports as such.
 */
public final class EventSeals {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final HexFormat HEX = HexFormat.of();

    /** What checking a seal found. */
    public enum Verdict {
        /** Sealed by the service with a key it holds. */
        AUTHENTIC,
        /** No seal at all. */
        UNSEALED,
        /** Sealed with a key the service no longer holds. */
        UNKNOWN_KEY,
        /** A seal that does not match the event: written, or changed, by someone without the key. */
        FORGED
    }

    private final Map<String, byte[]> keys;
    private final String currentKey;

    /**
     * @param keys the keys by id (at least 32 bytes each)
     * @param currentKey the id of the key that seals new events
     */
    public EventSeals(Map<String, byte[]> keys, String currentKey) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((id, secret) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("an event seal key id is 1 to 64 letters, digits, - or _: " + id);
            }
            if (secret.length < 32) {
                throw new IllegalArgumentException("the event seal key " + id + " is shorter than 32 bytes");
            }
            copy.put(id, secret.clone());
        });
        if (!copy.containsKey(currentKey)) {
            throw new IllegalArgumentException("no event seal key " + currentKey + " among " + copy.keySet());
        }
        this.keys = Map.copyOf(copy);
        this.currentKey = currentKey;
    }

    /** The id of the key that seals new events. */
    public String currentKey() {
        return currentKey;
    }

    /** The seal of an event about to be stored (its global index is not part of it). */
    public String seal(StoredEvent event) {
        return currentKey + "." + HEX.formatHex(mac(keys.get(currentKey), event));
    }

    /** Whether the seal stored with the event is the service's, for that event as stored. */
    public Verdict check(StoredEvent event, String seal) {
        if (seal == null || seal.isBlank()) {
            return Verdict.UNSEALED;
        }
        int dot = seal.indexOf('.');
        if (dot < 1) {
            return Verdict.FORGED;
        }
        byte[] key = keys.get(seal.substring(0, dot));
        if (key == null) {
            return Verdict.UNKNOWN_KEY;
        }
        byte[] given;
        try {
            given = HEX.parseHex(seal.substring(dot + 1));
        } catch (IllegalArgumentException notHex) {
            return Verdict.FORGED;
        }
        return MessageDigest.isEqual(given, mac(key, event)) ? Verdict.AUTHENTIC : Verdict.FORGED;
    }

    private static byte[] mac(byte[] key, StoredEvent event) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(ChainHash.encoding(event));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
