package uk.nhs.ics.transition.audit.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import uk.nhs.ics.transition.audit.ledger.LedgerFacts;
import uk.nhs.ics.transition.audit.ledger.StoredEvent;
import uk.nhs.ics.transition.messages.common.MetadataKeys;

/**
 * One line of an evidence pack's {@code events.ndjson}: an event exactly as the store holds it, with its ledger entry,
 * so that anyone can recompute the entry's hash from the line alone (see {@code ChainHash}).
 *
 * <p>The payload and metadata are the stored bytes as a JSON string ({@code payload}, {@code metaData}): they are JSON
 * themselves, but only the exact bytes give the hash, and a string keeps them exact. Bytes that are not UTF-8 (which
 * only an event the service did not write can have) go as base64 instead ({@code payloadBase64},
 * {@code metaDataBase64}). For people and {@code grep}, a line also says who, in which role, why, for which request
 * and with whose approval ({@link #DERIVED}), taken from the metadata; a verifier checks that they say what the
 * metadata says.
 */
public final class EventLines {

    /** The metadata a line repeats at its top level, by the same names. */
    public static final List<String> DERIVED = List.of(
            MetadataKeys.ACTOR,
            MetadataKeys.ACTOR_NAME,
            MetadataKeys.ACTOR_ROLE,
            MetadataKeys.ACTOR_SCOPE,
            MetadataKeys.REASON,
            MetadataKeys.CORRELATION_ID,
            MetadataKeys.APPROVAL_ID,
            MetadataKeys.APPROVED_BY,
            MetadataKeys.APPROVED_BY_NAME,
            MetadataKeys.APPROVED_BY_ROLE);

    private EventLines() {}

    /** Writes the entry as one JSON object (no line break: the caller ends the line). */
    public static void write(JsonGenerator out, PackEntry entry) throws IOException {
        StoredEvent event = entry.event();
        out.writeStartObject();
        out.writeNumberField("sequence", entry.sequence());
        out.writeStringField("hash", entry.hash());
        out.writeStringField("previousHash", entry.previousHash());
        out.writeNumberField("globalIndex", event.globalIndex());
        out.writeStringField("eventIdentifier", event.eventIdentifier());
        out.writeStringField("aggregateType", event.aggregateType());
        out.writeStringField("aggregateIdentifier", event.aggregateIdentifier());
        out.writeNumberField("sequenceNumber", event.sequenceNumber());
        out.writeStringField("payloadType", event.payloadType());
        out.writeStringField("payloadRevision", event.payloadRevision());
        out.writeStringField("timeStamp", event.timeStamp());
        bytes(out, "payload", event.payload());
        bytes(out, "metaData", event.metaData());
        out.writeStringField("type", event.eventType());
        JsonNode metaData = LedgerFacts.json(event.metaData());
        for (String key : DERIVED) {
            String value = LedgerFacts.text(metaData, key);
            if (value != null) {
                out.writeStringField(key, value);
            }
        }
        out.writeEndObject();
    }

    /**
     * The entry a line holds.
     *
     * @throws IllegalArgumentException if the line lacks a field or holds one of the wrong kind
     */
    public static PackEntry read(JsonNode line) {
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        StoredEvent event = new StoredEvent(
                number(line, "globalIndex"),
                text(line, "eventIdentifier"),
                optionalText(line, "aggregateType"),
                text(line, "aggregateIdentifier"),
                number(line, "sequenceNumber"),
                text(line, "payloadType"),
                optionalText(line, "payloadRevision"),
                text(line, "timeStamp"),
                bytes(line, "payload"),
                bytes(line, "metaData"),
                null);
        return new PackEntry(number(line, "sequence"), text(line, "hash"), text(line, "previousHash"), event);
    }

    /** What the line's repeated fields say that its metadata does not (empty when they agree). */
    public static List<String> disagreements(JsonNode line, PackEntry entry) {
        List<String> problems = new ArrayList<>();
        if (!Objects.equals(optionalText(line, "type"), entry.event().eventType())) {
            problems.add("type");
        }
        JsonNode metaData = LedgerFacts.json(entry.event().metaData());
        for (String key : DERIVED) {
            if (!Objects.equals(optionalText(line, key), LedgerFacts.text(metaData, key))) {
                problems.add(key);
            }
        }
        return problems;
    }

    private static void bytes(JsonGenerator out, String field, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeNullField(field);
            return;
        }
        String text = utf8(bytes);
        if (text != null) {
            out.writeStringField(field, text);
        } else {
            out.writeStringField(field + "Base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static byte[] bytes(JsonNode line, String field) {
        JsonNode text = line.get(field);
        JsonNode base64 = line.get(field + "Base64");
        if (text != null && base64 != null) {
            throw new IllegalArgumentException("both " + field + " and " + field + "Base64");
        }
        if (base64 != null) {
            if (!base64.isTextual()) {
                throw new IllegalArgumentException(field + "Base64 is not text");
            }
            return Base64.getDecoder().decode(base64.asText());
        }
        if (text == null) {
            throw new IllegalArgumentException("no " + field);
        }
        if (text.isNull()) {
            return null;
        }
        if (!text.isTextual()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return text.asText().getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes as text, if they are UTF-8 exactly (so that the text gives the same bytes back). */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static long number(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("no whole number " + field);
        }
        return value.asLong();
    }

    private static String text(JsonNode line, String field) {
        String value = optionalText(line, field);
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static String optionalText(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return value.asText();
    }
}
