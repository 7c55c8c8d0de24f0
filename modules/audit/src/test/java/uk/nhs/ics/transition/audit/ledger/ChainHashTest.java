package uk.nhs.ics.transition.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A ledger entry's hash changes with anything about the stored event, and with the entry before it. */
class ChainHashTest {

    private static final StoredEvent EVENT = new StoredEvent(
            42,
            "3f1c7a52-0000-4000-8000-000000000001",
            "IcsTransition",
            "QKS",
            7,
            "uk.nhs.ics.transition.messages.ics.MilestoneFlaggedAtRisk",
            "1",
            "2021-09-30T17:00:00Z",
            bytes("{\"icsCode\":\"QKS\",\"reason\":\"Board papers late\"}"),
            bytes("{\"actor\":\"pm-1\"}"),
            null);

    @Test
    void the_same_event_after_the_same_entry_always_hashes_alike_as_64_hex_digits() {
        String hash = ChainHash.of(ChainHash.GENESIS, EVENT);

        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(ChainHash.of(ChainHash.GENESIS, copy(EVENT)));
    }

    @Test
    void the_hash_chains_to_the_entry_before() {
        String first = ChainHash.of(ChainHash.GENESIS, EVENT);

        assertThat(ChainHash.of(first, EVENT)).isNotEqualTo(first);
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("identifier", e -> with(e, "eventIdentifier", "3f1c7a52-0000-4000-8000-000000000002")),
                change("aggregate type", e -> with(e, "aggregateType", "CcgTransfer")),
                change("aggregate", e -> with(e, "aggregateIdentifier", "QJ2")),
                change(
                        "sequence",
                        e -> new StoredEvent(
                                e.globalIndex(),
                                e.eventIdentifier(),
                                e.aggregateType(),
                                e.aggregateIdentifier(),
                                8,
                                e.payloadType(),
                                e.payloadRevision(),
                                e.timeStamp(),
                                e.payload(),
                                e.metaData(),
                                null)),
                change("type", e -> with(e, "payloadType", "uk.nhs.ics.transition.messages.ics.MilestoneReopened")),
                change("revision", e -> with(e, "payloadRevision", "2")),
                change("timestamp", e -> with(e, "timeStamp", "2021-09-30T17:00:01Z")),
                change(
                        "one byte of the payload",
                        e -> withPayload(e, bytes("{\"icsCode\":\"QKS\",\"reason\":\"Board papers lame\"}"))),
                change(
                        "the payload's spacing only",
                        e -> withPayload(e, bytes("{\"icsCode\": \"QKS\",\"reason\":\"Board papers late\"}"))),
                change(
                        "metadata",
                        e -> new StoredEvent(
                                e.globalIndex(),
                                e.eventIdentifier(),
                                e.aggregateType(),
                                e.aggregateIdentifier(),
                                e.sequenceNumber(),
                                e.payloadType(),
                                e.payloadRevision(),
                                e.timeStamp(),
                                e.payload(),
                                bytes("{\"actor\":\"pm-2\"}"),
                                null)),
                change(
                        "a field moved across a boundary",
                        e -> new StoredEvent(
                                e.globalIndex(),
                                e.eventIdentifier(),
                                "IcsTransitionQ",
                                "KS",
                                e.sequenceNumber(),
                                e.payloadType(),
                                e.payloadRevision(),
                                e.timeStamp(),
                                e.payload(),
                                e.metaData(),
                                null)),
                change("an absent revision instead of an empty one", e -> with(e, "payloadRevision", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void any_change_to_the_stored_event_changes_the_hash(String what, UnaryOperator<StoredEvent> change) {
        StoredEvent base = what.startsWith("an absent") ? with(EVENT, "payloadRevision", "") : EVENT;

        assertThat(ChainHash.of(ChainHash.GENESIS, change.apply(base)))
                .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, base));
    }

    private static Arguments change(String what, UnaryOperator<StoredEvent> change) {
        return Arguments.of(what, change);
    }

    private static StoredEvent with(StoredEvent e, String field, String value) {
        return new StoredEvent(
                e.globalIndex(),
                field.equals("eventIdentifier") ? value : e.eventIdentifier(),
                field.equals("aggregateType") ? value : e.aggregateType(),
                field.equals("aggregateIdentifier") ? value : e.aggregateIdentifier(),
                e.sequenceNumber(),
                field.equals("payloadType") ? value : e.payloadType(),
                field.equals("payloadRevision") ? value : e.payloadRevision(),
                field.equals("timeStamp") ? value : e.timeStamp(),
                e.payload(),
                e.metaData(),
                e.seal());
    }

    private static StoredEvent withPayload(StoredEvent e, byte[] payload) {
        return new StoredEvent(
                e.globalIndex(),
                e.eventIdentifier(),
                e.aggregateType(),
                e.aggregateIdentifier(),
                e.sequenceNumber(),
                e.payloadType(),
                e.payloadRevision(),
                e.timeStamp(),
                payload,
                e.metaData(),
                e.seal());
    }

    private static StoredEvent copy(StoredEvent e) {
        return new StoredEvent(
                e.globalIndex(),
                e.eventIdentifier(),
                e.aggregateType(),
                e.aggregateIdentifier(),
                e.sequenceNumber(),
                e.payloadType(),
                e.payloadRevision(),
                e.timeStamp(),
                e.payload().clone(),
                e.metaData().clone(),
                e.seal());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
