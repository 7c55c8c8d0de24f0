package uk.nhs.ics.transition.projections.duediligence;

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
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.DueDiligenceCompleted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemAssessed;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemRaised;
import uk.nhs.ics.transition.messages.ics.DueDiligencePlanningStarted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignOffsWithdrawn;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignedOff;
import uk.nhs.ics.transition.messages.ics.IcsEvent;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;
import uk.nhs.ics.transition.projections.PositionOnly;
import uk.nhs.ics.transition.projections.ReadModelReset;
import uk.nhs.ics.transition.projections.TemporalTable;

/** Folds due diligence events into its stage, items and sign-offs. */
@ProcessingGroup(DueDiligenceProjection.NAME)
public class DueDiligenceProjection {

    public static final String NAME = "due-diligence";

    /** Every table this projection writes. */
    public static final List<String> TABLES =
            List.of("due_diligence_state", "due_diligence_item", "due_diligence_sign_off");

    static final TemporalTable STATE = new TemporalTable(
            "due_diligence_state", List.of("ics_code"), List.of("status", "started_on", "completed_on"), Set.of());
    static final TemporalTable ITEM = new TemporalTable(
            "due_diligence_item",
            List.of("ics_code", "item_id"),
            List.of("area", "title", "outcome", "risk", "mitigation"),
            Set.of());
    static final TemporalTable SIGN_OFF = new TemporalTable(
            "due_diligence_sign_off",
            List.of("ics_code", "signer"),
            List.of("signatory", "capacity", "ccg_code"),
            Set.of());

    private final JdbcClient jdbc;

    public DueDiligenceProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IcsTransitionOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.replace(
                jdbc,
                Map.of("ics_code", event.icsCode().value()),
                values("status", DueDiligenceView.Status.NOT_STARTED.name(), "started_on", null, "completed_on", null),
                version,
                at);
    }

    @EventHandler
    void on(DueDiligencePlanningStarted event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.amend(
                jdbc,
                Map.of("ics_code", event.icsCode().value()),
                values("status", DueDiligenceView.Status.IN_PROGRESS.name(), "started_on", event.startedOn()),
                version,
                at);
    }

    @EventHandler
    void on(DueDiligenceItemRaised event, @SequenceNumber long version, @Timestamp Instant at) {
        ITEM.replace(
                jdbc,
                Map.of(
                        "ics_code",
                        event.icsCode().value(),
                        "item_id",
                        event.itemId().value()),
                values(
                        "area", event.area().name(),
                        "title", event.title(),
                        "outcome", AssessmentOutcome.OPEN.name(),
                        "risk", null,
                        "mitigation", null),
                version,
                at);
    }

    @EventHandler
    void on(DueDiligenceItemAssessed event, @SequenceNumber long version, @Timestamp Instant at) {
        ITEM.amend(
                jdbc,
                Map.of(
                        "ics_code",
                        event.icsCode().value(),
                        "item_id",
                        event.itemId().value()),
                values(
                        "outcome", event.outcome().name(),
                        "risk", event.risk() == null ? null : event.risk().name(),
                        "mitigation", event.mitigation()),
                version,
                at);
    }

    @EventHandler
    void on(DueDiligenceSignedOff event, @SequenceNumber long version, @Timestamp Instant at) {
        String signer = event.capacity() == SignOffCapacity.CCG_ACCOUNTABLE_OFFICER
                ? event.ccgCode().value()
                : "DESIGNATE_CHIEF_EXECUTIVE";
        SIGN_OFF.replace(
                jdbc,
                Map.of("ics_code", event.icsCode().value(), "signer", signer),
                values(
                        "signatory", event.signatory(),
                        "capacity", event.capacity().name(),
                        "ccg_code",
                                event.ccgCode() == null ? null : event.ccgCode().value()),
                version,
                at);
    }

    @EventHandler
    void on(DueDiligenceSignOffsWithdrawn event, @SequenceNumber long version, @Timestamp Instant at) {
        SIGN_OFF.end(jdbc, Map.of("ics_code", event.icsCode().value()), version, at);
    }

    @EventHandler
    void on(DueDiligenceCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.amend(
                jdbc,
                Map.of("ics_code", event.icsCode().value()),
                values("status", DueDiligenceView.Status.SIGNED_OFF.name(), "completed_on", event.completedOn()),
                version,
                at);
    }

    /** Every other event of an ICS: the position moves on. */
    @EventHandler
    @PositionOnly
    void on(IcsEvent event) {
        // the position is recorded around every handled event (see ProjectionTransactions)
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(jdbc, NAME, TABLES);
    }
}
