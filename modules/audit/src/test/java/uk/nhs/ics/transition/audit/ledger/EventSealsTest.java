package uk.nhs.ics.transition.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSealsTest {

    private static final byte[] KEY_2025 = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_2026 = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    private static final StoredEvent EVENT = StoredEvent.unsealed(
            "3f1c7a52-0000-4000-8000-000000000001",
            "IcsTransition",
            "QKS",
            7,
            "uk.nhs.ics.transition.messages.ics.MilestoneFlaggedAtRisk",
            "1",
            "2021-09-30T17:00:00.000Z",
            "{\"reason\":\"late\"}".getBytes(StandardCharsets.UTF_8),
            "{\"actor\":\"pm-1\"}".getBytes(StandardCharsets.UTF_8));

    private final EventSeals seals = new EventSeals(Map.of("k2025", KEY_2025, "k2026", KEY_2026), "k2026");

    @Test
    void an_event_the_service_sealed_is_authentic_and_names_its_key() {
        String seal = seals.seal(EVENT);

        assertThat(seal).startsWith("k2026.").matches("k2026\\.[0-9a-f]{64}");
        assertThat(seals.check(EVENT, seal)).isEqualTo(EventSeals.Verdict.AUTHENTIC);
    }

    @Test
    void after_a_rotation_events_sealed_with_the_earlier_key_still_verify() {
        String old = new EventSeals(Map.of("k2025", KEY_2025), "k2025").seal(EVENT);

        assertThat(seals.check(EVENT, old)).isEqualTo(EventSeals.Verdict.AUTHENTIC);
    }

    @Test
    void a_changed_event_or_a_made_up_seal_is_forged() {
        String seal = seals.seal(EVENT);
        StoredEvent changed = StoredEvent.unsealed(
                EVENT.eventIdentifier(),
                EVENT.aggregateType(),
                EVENT.aggregateIdentifier(),
                EVENT.sequenceNumber(),
                EVENT.payloadType(),
                EVENT.payloadRevision(),
                EVENT.timeStamp(),
                EVENT.payload(),
                "{\"actor\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(seals.check(changed, seal)).isEqualTo(EventSeals.Verdict.FORGED);
        assertThat(seals.check(EVENT, "k2026." + "0".repeat(64))).isEqualTo(EventSeals.Verdict.FORGED);
        assertThat(seals.check(EVENT, "k2026.not-hex")).isEqualTo(EventSeals.Verdict.FORGED);
        assertThat(seals.check(EVENT, "no-dot")).isEqualTo(EventSeals.Verdict.FORGED);
    }

    @Test
    void no_seal_or_a_key_the_service_does_not_hold_is_said_so() {
        assertThat(seals.check(EVENT, null)).isEqualTo(EventSeals.Verdict.UNSEALED);
        assertThat(seals.check(EVENT, "k1999." + "0".repeat(64))).isEqualTo(EventSeals.Verdict.UNKNOWN_KEY);
    }

    @Test
    void keys_are_long_enough_named_plainly_and_the_current_one_is_among_them() {
        assertThatThrownBy(() -> new EventSeals(Map.of("short", new byte[16]), "short"))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new EventSeals(Map.of("a.b", KEY_2025), "a.b")).hasMessageContaining("key id");
        assertThatThrownBy(() -> new EventSeals(Map.of("k2025", KEY_2025), "k2026"))
                .hasMessageContaining("no event seal key k2026");
    }
}
