package uk.nhs.ics.transition.audit.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.approval.ApprovalEvent;
import uk.nhs.ics.transition.messages.ccg.CcgEvent;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.ics.IcsEvent;

/**
 * What a ledger entry shows about its event besides the hashes (who, in which role, why, for which request, which
 * organisation), derived from the event's stored bytes and nothing else. The ledger writes these columns, and the
 * verifier derives them again and compares: the columns are as good as inside the hash, since the hash covers the
 * bytes they come from, and a rewritten column is found.
 *
 * <p>Whatever the store holds can be recorded: metadata that is not JSON gives no actor, a timestamp that cannot be
 * read gives the epoch, and text PostgreSQL cannot hold (a NUL, an unpaired surrogate) becomes U+FFFD in these
 * columns (the event's own bytes, and so the hash, are untouched).
 */
public record LedgerFacts(
        String eventType,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        String icsCode,
        String ccgCode,
        String actor,
        String actorName,
        String actorRole,
        String actorScope,
        String reason,
        String correlationId,
        String causationId,
        String clientAddress,
        String clientRequestId) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Optional<Class<?>>> TYPES = new ConcurrentHashMap<>();

    /** The facts of a stored event; the reference data tells which ICS a CCG's event concerns. */
    public static LedgerFacts of(StoredEvent event, ReferenceData reference) {
        JsonNode metaData = json(event.metaData());
        Class<?> type = type(event.payloadType());
        String aggregate = clean(event.aggregateIdentifier());
        String ccg = aggregate != null && CcgEvent.class.isAssignableFrom(type) ? aggregate : null;
        String ics = aggregate != null && IcsEvent.class.isAssignableFrom(type) ? aggregate : icsOfCcg(ccg, reference);
        if (ApprovalEvent.class.isAssignableFrom(type)) {
            // an approval is its own aggregate: the organisation it is about is among its facts
            JsonNode payload = json(event.payload());
            ccg = code(text(payload, "ccgCode"), 5);
            ics = code(text(payload, "icsCode"), 3);
            if (ics == null) {
                ics = icsOfCcg(ccg, reference);
            }
        }
        return new LedgerFacts(
                clean(event.eventType()),
                clean(event.aggregateType()),
                aggregate == null ? "" : aggregate,
                event.sequenceNumber(),
                instant(event.timeStamp()),
                ics,
                ccg,
                text(metaData, MetadataKeys.ACTOR),
                text(metaData, MetadataKeys.ACTOR_NAME),
                text(metaData, MetadataKeys.ACTOR_ROLE),
                text(metaData, MetadataKeys.ACTOR_SCOPE),
                text(metaData, MetadataKeys.REASON),
                text(metaData, MetadataKeys.CORRELATION_ID),
                text(metaData, MetadataKeys.CAUSATION_ID),
                text(metaData, MetadataKeys.CLIENT_ADDRESS),
                text(metaData, MetadataKeys.CLIENT_REQUEST_ID));
    }

    /** Text as a PostgreSQL {@code text} column can hold it: NUL and unpaired surrogates become U+FFFD. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder cleaned = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean bad = c == 0
                    || Character.isHighSurrogate(c)
                            && (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
            if (bad && cleaned == null) {
                cleaned = new StringBuilder(value.substring(0, i));
            }
            if (cleaned != null) {
                cleaned.append(bad ? '\uFFFD' : c);
            }
        }
        return cleaned == null ? value : cleaned.toString();
    }

    /** The bytes (an event's metadata or payload) as a JSON object, or null when they are not one. */
    public static JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** A value of the metadata as text, cleaned ({@link #clean}); null when absent or null. */
    public static String text(JsonNode metaData, String key) {
        if (metaData == null) {
            return null;
        }
        JsonNode value = metaData.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        return clean(value.isValueNode() ? value.asText() : value.toString());
    }

    private static Instant instant(String timeStamp) {
        try {
            return timeStamp == null ? Instant.EPOCH : Instant.parse(timeStamp);
        } catch (DateTimeParseException unreadable) {
            return Instant.EPOCH;
        }
    }

    private static Class<?> type(String payloadType) {
        return TYPES.computeIfAbsent(payloadType == null ? "" : payloadType, name -> {
                    try {
                        return Optional.of(Class.forName(name, false, LedgerFacts.class.getClassLoader()));
                    } catch (ClassNotFoundException | LinkageError unknown) {
                        return Optional.empty();
                    }
                })
                .orElse(Void.class);
    }

    /** A code as the ledger's column holds it (at most so many characters), or null for anything else. */
    private static String code(String value, int length) {
        return value != null && value.matches("[0-9A-Z]{1," + length + "}") ? value : null;
    }

    private static String icsOfCcg(String ccg, ReferenceData reference) {
        if (ccg == null) {
            return null;
        }
        try {
            return reference.ccg(CcgCode.of(ccg)).map(c -> c.ics().value()).orElse(null);
        } catch (RuntimeException notACode) {
            return null;
        }
    }
}
