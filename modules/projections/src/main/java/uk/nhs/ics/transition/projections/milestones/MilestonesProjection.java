package uk.nhs.ics.transition.projections.milestones;

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

    @EventHandler
    void on(IcsTransitionOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        for (MilestoneCode milestone : event.milestonePlan()) {
            write(event.icsCode(), milestone, MilestoneStatus.NOT_STARTED, null, null, null, null, version, at);
        }
    }

    @EventHandler
    void on(MilestoneStarted event, @SequenceNumber long version, @Timestamp Instant at) {
        write(event.icsCode(), event.milestone(), MilestoneStatus.IN_PROGRESS, null, null, null, null, version, at);
    }

    @EventHandler
    void on(MilestoneFlaggedAtRisk event, @SequenceNumber long version, @Timestamp Instant at) {
        write(
                event.icsCode(),
                event.milestone(),
                MilestoneStatus.AT_RISK,
                null,
                null,
                event.reason(),
                null,
                version,
                at);
    }

    @EventHandler
    void on(MilestoneRiskCleared event, @SequenceNumber long version, @Timestamp Instant at) {
        write(
                event.icsCode(),
                event.milestone(),
                MilestoneStatus.IN_PROGRESS,
                null,
                null,
                null,
                event.reason(),
                version,
                at);
    }

    @EventHandler
    void on(MilestoneCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        write(
                event.icsCode(),
                event.milestone(),
                MilestoneStatus.COMPLETE,
                event.completedOn(),
                Json.write(event.evidence()),
                null,
                null,
                version,
                at);
    }

    @EventHandler
    void on(MilestoneReopened event, @SequenceNumber long version, @Timestamp Instant at) {
        write(
                event.icsCode(),
                event.milestone(),
                MilestoneStatus.IN_PROGRESS,
                null,
                null,
                null,
                event.reason(),
                version,
                at);
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

    private void write(
            IcsCode ics,
            MilestoneCode milestone,
            MilestoneStatus status,
            java.time.LocalDate completedOn,
            String evidence,
            String atRiskReason,
            String note,
            long version,
            Instant at) {
        MILESTONE_STATE.replace(
                jdbc,
                Map.of("ics_code", ics.value(), "milestone", milestone.code()),
                values(
                        "status", status.name(),
                        "completed_on", completedOn,
                        "evidence", evidence,
                        "at_risk_reason", atRiskReason,
                        "note", note),
                version,
                at);
    }
}
