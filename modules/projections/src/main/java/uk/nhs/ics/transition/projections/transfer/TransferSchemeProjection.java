package uk.nhs.ics.transition.projections.transfer;

import static uk.nhs.ics.transition.projections.TemporalTable.values;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.ccg.CcgAbolished;
import uk.nhs.ics.transition.messages.ccg.CcgEvent;
import uk.nhs.ics.transition.messages.ccg.CcgRegistered;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;
import uk.nhs.ics.transition.messages.ccg.TransferItemAdded;
import uk.nhs.ics.transition.messages.ccg.TransferItemAmended;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemReference;
import uk.nhs.ics.transition.messages.ccg.TransferItemWithdrawn;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreementsReset;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeEffected;
import uk.nhs.ics.transition.messages.ccg.TransferSchemePartyAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeVaried;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.projections.PositionOnly;
import uk.nhs.ics.transition.projections.ReadModelReset;
import uk.nhs.ics.transition.projections.TemporalTable;

/** Folds each CCG's scheme events into its status, agreements and items. */
@ProcessingGroup(TransferSchemeProjection.NAME)
public class TransferSchemeProjection {

    public static final String NAME = "transfer-schemes";

    /** Every table this projection writes. */
    public static final List<String> TABLES = List.of("transfer_scheme", "transfer_agreement", "transfer_item");

    static final TemporalTable SCHEME = new TemporalTable(
            "transfer_scheme",
            List.of("ccg_code"),
            List.of("status", "agreed_on", "effected_on", "abolished_on", "variations"),
            Set.of());
    static final TemporalTable AGREEMENT =
            new TemporalTable("transfer_agreement", List.of("ccg_code", "party"), List.of("signatory"), Set.of());
    static final TemporalTable ITEM = new TemporalTable(
            "transfer_item",
            List.of("ccg_code", "item_id"),
            List.of(
                    "item_number",
                    "receiving_ics",
                    "kind",
                    "description",
                    "counterparty",
                    "value_pence",
                    "annual_value_pence",
                    "end_date",
                    "novation_required",
                    "headcount",
                    "wte_hundredths",
                    "reference",
                    "staff_group"),
            Set.of());

    private final JdbcClient jdbc;

    public TransferSchemeProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CcgRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        SCHEME.replace(
                jdbc,
                key(event.ccgCode()),
                values(
                        "status", SchemeStatus.DRAFT.name(),
                        "agreed_on", null,
                        "effected_on", null,
                        "abolished_on", null,
                        "variations", 0),
                version,
                at);
    }

    @EventHandler
    void on(TransferItemAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        writeItem(
                event.ccgCode(),
                event.itemId().value(),
                event.receivingIcs(),
                event.details(),
                event.reference(),
                version,
                at);
    }

    @EventHandler
    void on(TransferItemAmended event, @SequenceNumber long version, @Timestamp Instant at) {
        writeItem(
                event.ccgCode(),
                event.itemId().value(),
                event.receivingIcs(),
                event.details(),
                event.reference(),
                version,
                at);
    }

    @EventHandler
    void on(TransferItemWithdrawn event, @SequenceNumber long version, @Timestamp Instant at) {
        ITEM.end(
                jdbc,
                Map.of(
                        "ccg_code",
                        event.ccgCode().value(),
                        "item_id",
                        event.itemId().value()),
                version,
                at);
    }

    @EventHandler
    void on(TransferSchemePartyAgreed event, @SequenceNumber long version, @Timestamp Instant at) {
        AGREEMENT.replace(
                jdbc,
                Map.of(
                        "ccg_code",
                        event.ccgCode().value(),
                        "party",
                        event.party().value()),
                values("signatory", event.signatory()),
                version,
                at);
    }

    @EventHandler
    void on(TransferSchemeAgreementsReset event, @SequenceNumber long version, @Timestamp Instant at) {
        AGREEMENT.end(jdbc, key(event.ccgCode()), version, at);
    }

    @EventHandler
    void on(TransferSchemeAgreed event, @SequenceNumber long version, @Timestamp Instant at) {
        SCHEME.amend(
                jdbc,
                key(event.ccgCode()),
                values("status", SchemeStatus.AGREED.name(), "agreed_on", event.agreedOn()),
                version,
                at);
    }

    @EventHandler
    void on(TransferSchemeVaried event, @SequenceNumber long version, @Timestamp Instant at) {
        SCHEME.amend(jdbc, key(event.ccgCode()), values("variations", event.variationNumber()), version, at);
    }

    @EventHandler
    void on(TransferSchemeEffected event, @SequenceNumber long version, @Timestamp Instant at) {
        SCHEME.amend(
                jdbc,
                key(event.ccgCode()),
                values("status", SchemeStatus.EFFECTED.name(), "effected_on", event.effectiveOn()),
                version,
                at);
    }

    @EventHandler
    void on(CcgAbolished event, @SequenceNumber long version, @Timestamp Instant at) {
        SCHEME.amend(jdbc, key(event.ccgCode()), values("abolished_on", event.abolishedOn()), version, at);
    }

    /** Every other event of a CCG: the position moves on. */
    @EventHandler
    @PositionOnly
    void on(CcgEvent event) {
        // the position is recorded around every handled event (see ProjectionTransactions)
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(jdbc, NAME, TABLES);
    }

    private void writeItem(
            CcgCode ccg,
            String itemId,
            IcsCode receiver,
            TransferItemDetails details,
            TransferItemReference reference,
            long version,
            Instant at) {
        Map<String, Object> columns = values(
                "item_number", Integer.parseInt(itemId.substring(2)),
                "receiving_ics", receiver.value(),
                "kind", details.kind().name(),
                "description", details.description(),
                "counterparty", null,
                "value_pence", null,
                "annual_value_pence", null,
                "end_date", null,
                "novation_required", null,
                "headcount", null,
                "wte_hundredths", null,
                "reference", reference == null ? null : reference.value(),
                "staff_group", null);
        if (details instanceof TransferItemDetails.Asset asset) {
            columns.put("value_pence", asset.value().pence());
        } else if (details instanceof TransferItemDetails.Liability liability) {
            columns.put("value_pence", liability.value().pence());
        } else if (details instanceof TransferItemDetails.Contract contract) {
            columns.put("counterparty", contract.counterparty());
            columns.put("annual_value_pence", contract.annualValue().pence());
            columns.put("end_date", contract.endDate());
            columns.put("novation_required", contract.novationRequired());
        } else if (details instanceof TransferItemDetails.Staff staff) {
            columns.put("headcount", staff.headcount());
            columns.put("wte_hundredths", staff.wte().hundredths());
            columns.put("staff_group", staff.staffGroup());
        }
        ITEM.replace(jdbc, Map.of("ccg_code", ccg.value(), "item_id", itemId), columns, version, at);
    }

    private static Map<String, Object> key(CcgCode ccg) {
        return Map.of("ccg_code", ccg.value());
    }
}
