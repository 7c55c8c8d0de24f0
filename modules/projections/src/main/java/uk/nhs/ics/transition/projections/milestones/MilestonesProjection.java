package uk.nhs.ics.transition.projections.milestones;

import static uk.nhs.ics.transition.projections.TemporalTable.values;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.MilestoneStatus;
import uk.nhs.ics.transition.messages.ics.IcsEvent;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.ics.MilestoneCompleted;
import uk.nhs.ics.transition.messages.ics.MilestoneFlaggedAtRisk;
import uk.nhs.ics.transition.messages.ics.MilestoneReopened;
import uk.nhs.ics.transition.messages.ics.MilestoneRiskCleared;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;
import uk.nhs.ics.transition.projections.Json;
import uk.nhs.ics.transition.projections.PositionOnly;
import uk.nhs.ics.transition.projections.ReadModelReset;
import uk.nhs.ics.transition.projections.TemporalTable;

/**
 * Folds the milestone events of every ICS into {@code milestone_state}. Each milestone event says everything about
 * the milestone's new state, so each writes a whole new version.
 */
@ProcessingGroup(MilestonesProjection.NAME)
public class MilestonesProjection {

    public static final String NAME = "milestones";

    /** Every table this projection writes. */
    public static final List<String> TABLES = List.of("milestone_state");

    static final TemporalTable MILESTONE_STATE = new TemporalTable(
            "milestone_state",
            List.of("ics_code", "milestone"),
            List.of("status", "completed_on", "evidence", "at_risk_reason", "note"),
            Set.of("evidence"));

    private final JdbcClient jdbc;

    public MilestonesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A milestone's row as an event leaves it: its status and what goes with that status (the completion date and
     * evidence, the reason it is at risk, or the note of why it moved back), every other column empty.
     */
    record MilestoneState(
            MilestoneStatus status, LocalDate completedOn, List<Evidence> evidence, String atRiskReason, String note) {

        static MilestoneState notStarted() {
            return new MilestoneState(MilestoneStatus.NOT_STARTED, null, null, null, null);
        }

        static MilestoneState inProgress(String note) {
            return new MilestoneState(MilestoneStatus.IN_PROGRESS, null, null, null, note);
        }

        static MilestoneState atRisk(String reason) {
            return new MilestoneState(MilestoneStatus.AT_RISK, null, null, reason, null);
        }

        static MilestoneState complete(LocalDate completedOn, List<Evidence> evidence) {
            return new MilestoneState(MilestoneStatus.COMPLETE, completedOn, evidence, null, null);
        }
    }

    @EventHandler
    void on(IcsTransitionOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        for (MilestoneCode milestone : event.milestonePlan()) {
            write(event.icsCode(), milestone, MilestoneState.notStarted(), version, at);
        }
    }

    @EventHandler
    void on(MilestoneStarted event, @SequenceNumber long version, @Timestamp Instant at) {
        write(event.icsCode(), event.milestone(), MilestoneState.inProgress(null), version, at);
    }

    @EventHandler
    void on(MilestoneFlaggedAtRisk event, @SequenceNumber long version, @Timestamp Instant at) {
        write(event.icsCode(), event.milestone(), MilestoneState.atRisk(event.reason()), version, at);
    }

    @EventHandler
    void on(MilestoneRiskCleared event, @SequenceNumber long version, @Timestamp Instant at) {
        write(event.icsCode(), event.milestone(), MilestoneState.inProgress(event.reason()), version, at);
    }

    @EventHandler
    void on(MilestoneCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        write(
                event.icsCode(),
                event.milestone(),
                MilestoneState.complete(event.completedOn(), event.evidence()),
                version,
                at);
    }

    @EventHandler
    void on(MilestoneReopened event, @SequenceNumber long version, @Timestamp Instant at) {
        write(event.icsCode(), event.milestone(), MilestoneState.inProgress(event.reason()), version, at);
    }

    /** Every other event of an ICS: nothing to change, but the projection's position moves on with it. */
    @EventHandler
    @PositionOnly
    void on(IcsEvent event) {
        // the position is recorded around every handled event (see ProjectionTransactions)
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(jdbc, NAME, TABLES);
    }

    private void write(IcsCode ics, MilestoneCode milestone, MilestoneState state, long version, Instant at) {
        MILESTONE_STATE.replace(
                jdbc,
                Map.of("ics_code", ics.value(), "milestone", milestone.code()),
                values(
                        "status", state.status().name(),
                        "completed_on", state.completedOn(),
                        "evidence", state.evidence() == null ? null : Json.write(state.evidence()),
                        "at_risk_reason", state.atRiskReason(),
                        "note", state.note()),
                version,
                at);
    }
}
