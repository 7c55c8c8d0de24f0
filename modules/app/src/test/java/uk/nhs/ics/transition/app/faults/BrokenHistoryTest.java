package uk.nhs.ics.transition.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.messages.ccg.TransferItemAmended;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemId;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;

/**
 * An aggregate whose recorded history cannot be replayed (an event that refers to an item never added, a missing
 * sequence number) answers with a clear problem naming it and the event, never a {@code NullPointerException}, and
 * concerns that aggregate alone. This class owns Herefordshire and Worcestershire (QGH) and its CCG (18C), and breaks them for good.
 */
class BrokenHistoryTest extends EndToEndTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Cache aggregateCache;

    @Test
    void an_event_referring_to_an_item_never_added_makes_that_scheme_alone_unreadable() {
        long next = nextSequence("18C");
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                "CcgTransfer",
                "18C",
                next,
                new TransferItemAmended(
                        CcgCode.of("18C"),
                        TransferItemId.number(999),
                        IcsCode.of("QGH"),
                        new TransferItemDetails.Asset("never added", Money.pence(1))))));
        aggregateCache.remove("18C");

        Api.Response broken = addItem("18C", api.programmeManager("QGH"));
        Api.Response other = addItem("26A", api.programmeManager("QMM"));

        assertThat(broken.status()).as("%s", broken).isEqualTo(500);
        assertThat(broken.json().get("code").asText()).isEqualTo("BROKEN_HISTORY");
        assertThat(broken.json().get("detail").asText())
                .contains("18C")
                .contains("at event " + next)
                .doesNotContain("NullPointer")
                .doesNotContain("uk.nhs");
        assertThat(other.status()).as("another scheme is unaffected: %s", other).isEqualTo(200);
    }

    @Test
    void a_missing_sequence_number_makes_that_ics_alone_unreadable() {
        long next = nextSequence("QGH");
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                "IcsTransition",
                "QGH",
                next + 1,
                new MilestoneStarted(IcsCode.of("QGH"), MilestoneCode.Q2_SUB_ICS_PLAN, false))));
        aggregateCache.remove("QGH");

        Api.Response broken = api.post("/api/v1/systems/QGH/milestones/Q1-SDP-UPDATED/start")
                .token(api.programmeManager("QGH"))
                .send();
        Api.Response other = api.post("/api/v1/systems/QMM/milestones/Q1-SDP-UPDATED/start")
                .token(api.programmeManager("QMM"))
                .send();

        assertThat(broken.status()).as("%s", broken).isEqualTo(500);
        assertThat(broken.json().get("code").asText()).isEqualTo("BROKEN_HISTORY");
        assertThat(broken.json().get("detail").asText()).contains("QGH").contains("at event " + next);
        assertThat(other.status()).as("another ICS is unaffected: %s", other).isIn(200, 409);
    }

    private Api.Response addItem(String ccg, String token) {
        return api.post("/api/v1/ccgs/" + ccg + "/transfer/items")
                .token(token)
                .json(Map.of("kind", "ASSET", "description", "a desk", "valuePence", 100))
                .send();
    }

    private long nextSequence(String aggregate) {
        return jdbc.sql("SELECT max(sequence_number) + 1 FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregate)
                .query(Long.class)
                .single();
    }
}
