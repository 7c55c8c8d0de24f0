package uk.nhs.ics.transition.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.messages.ccg.AddTransferItem;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.Money;

/**
 * A scheme's stream grows long (thousands of contracts), so its aggregate is snapshotted and loads from the
 * snapshot plus the few events after it, with exactly the state the full history gives.
 */
class SnapshotTest extends EndToEndTest {

    private static final CcgCode NORTHUMBERLAND = CcgCode.of("00L");

    @Autowired
    CommandGateway commands;

    @Autowired
    Cache aggregateCache;

    @Test
    void a_long_scheme_is_snapshotted_and_loads_from_its_snapshot_with_the_same_state() {
        for (int i = 1; i <= 300; i++) {
            add("Contract " + i, 100);
        }
        eventually("a snapshot of the scheme was stored", () -> snapshots() > 0);
        long snapshotSequence = jdbc.sql(
                        "SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = '00L'")
                .query(Long.class)
                .single();

        aggregateCache.removeAll();
        CommandOutcome next = add("Contract 301", 100);

        assertThat(snapshotSequence).isGreaterThanOrEqualTo(249);
        assertThat(next.createdId()).isEqualTo("T-301");
        assertThat(next.version()).isEqualTo(301);
        String snapshot = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM snapshot_event_entry
                         WHERE aggregate_identifier = '00L' ORDER BY sequence_number DESC LIMIT 1""").query(String.class).single();
        assertThat(snapshot)
                .contains("\"lastItemNumber\"")
                .contains("\"totals\"")
                .contains("\"QHM\"");
    }

    private long snapshots() {
        return jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = '00L'")
                .query(Long.class)
                .single();
    }

    private CommandOutcome add(String description, long pence) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(new AddTransferItem(
                        NORTHUMBERLAND,
                        new TransferItemDetails.Contract(
                                description,
                                "Northumbria Healthcare",
                                Money.pence(pence),
                                LocalDate.of(2024, 3, 31),
                                false),
                        null,
                        null))
                .andMetaData(
                        Map.of(MetadataKeys.ACTOR, "snapshot-test", MetadataKeys.ACTOR_ROLE, "PROGRAMME_MANAGER")));
    }
}
