package uk.nhs.ics.transition.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.BrokenHistory;

class HistoryChecksTest {

    @Test
    void a_history_without_gaps_is_read_as_it_is() {
        List<Long> read = new ArrayList<>();
        HistoryChecks.contiguous("00L", stream(4, 5, 6)).forEachRemaining(e -> read.add(e.getSequenceNumber()));

        assertThat(read).containsExactly(4L, 5L, 6L);
    }

    @Test
    void a_missing_sequence_number_names_the_aggregate_and_the_event_missing() {
        DomainEventStream events = HistoryChecks.contiguous("00L", stream(0, 1, 3));

        events.next();
        events.next();
        assertThatThrownBy(events::next)
                .isInstanceOf(BrokenHistory.class)
                .hasMessageContaining("00L")
                .hasMessageContaining("at event 2")
                .satisfies(e -> assertThat(((BrokenHistory) e).sequenceNumber()).isEqualTo(2));
    }

    private static DomainEventStream stream(long... sequences) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long sequence : sequences) {
            events.add(new GenericDomainEventMessage<>("CcgTransfer", "00L", sequence, "event " + sequence));
        }
        return DomainEventStream.of(events);
    }
}
