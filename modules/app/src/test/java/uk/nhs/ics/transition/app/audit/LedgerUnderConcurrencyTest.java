package uk.nhs.ics.transition.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.messages.ccg.AddTransferItem;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.Money;

/**
 * Writers commit concurrently, so events become visible out of their global order: the event store's index 474 may
 * commit after 480. The ledger meets such an event late, as a gap its stream fills, and must still record it, exactly
 * once. (It once took the stream's position for the event's index and, under the benchmark's eight writers, left a
 * fifth of all events out of the trail.)
 *
 * <p>Works on the CCGs of West Yorkshire (QWO), Gloucestershire (QR1), Bristol (QUY) and Devon (QJK) and nothing else.
 */
class LedgerUnderConcurrencyTest extends EndToEndTest {

    private static final List<String> CCGS = List.of("02T", "03R", "15F", "36J", "X2C4Y", "11M", "15C", "15N");
    private static final int WRITES_PER_CCG = 40;

    @Autowired
    CommandGateway commands;

    @Test
    void every_event_written_by_concurrent_writers_is_in_the_ledger_exactly_once() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(CCGS.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String ccg : CCGS) {
                done.add(writers.submit(() -> {
                    for (int i = 1; i <= WRITES_PER_CCG; i++) {
                        add(ccg, i);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
        long written = countEventsOf(CCGS);
        assertThat(written).isGreaterThanOrEqualTo((long) CCGS.size() * WRITES_PER_CCG);

        eventually("the ledger has read as far as the event store's head", Duration.ofSeconds(30), () -> jdbc.sql("""
                        SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry)
                               <= coalesce((SELECT max(global_index) FROM audit_ledger), 0)""")
                .query(Boolean.class)
                .single());
        eventually(
                "every event of the concurrent writers is in the ledger",
                Duration.ofSeconds(30),
                () -> jdbc.sql("""
                        SELECT count(*) FROM audit_ledger
                         WHERE aggregate_id = ANY(CAST(:ccgs AS text[]))""")
                                .param("ccgs", CCGS.toArray(String[]::new))
                                .query(Long.class)
                                .single()
                        == written);

        List<Long> unrecorded = jdbc.sql("""
                        SELECT e.global_index FROM domain_event_entry e
                          LEFT JOIN audit_ledger l ON l.global_index = e.global_index
                         WHERE l.global_index IS NULL
                           AND e.global_index <= (SELECT max(global_index) FROM audit_ledger)
                         ORDER BY 1 LIMIT 10""").query(Long.class).list();
        assertThat(unrecorded)
                .as("events below the ledger's head that it never recorded")
                .isEmpty();
        assertThat(jdbc.sql("""
                        SELECT count(*) = count(DISTINCT event_identifier) AND count(*) = max(sequence)
                          FROM audit_ledger""").query(Boolean.class).single())
                .as("one entry per event, sequence without holes")
                .isTrue();
    }

    private long countEventsOf(List<String> aggregates) {
        return jdbc.sql(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY(CAST(:ids AS text[]))")
                .param("ids", aggregates.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    private void add(String ccg, int i) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new AddTransferItem(
                        CcgCode.of(ccg),
                        new TransferItemDetails.Contract(
                                "Concurrency contract " + i,
                                "Community Health Partners",
                                Money.pence(100L * i),
                                LocalDate.of(2024, 3, 31),
                                false),
                        null,
                        null))
                .andMetaData(Map.of(
                        MetadataKeys.ACTOR, "ledger-concurrency-test", MetadataKeys.ACTOR_ROLE, "PROGRAMME_MANAGER")));
    }
}
