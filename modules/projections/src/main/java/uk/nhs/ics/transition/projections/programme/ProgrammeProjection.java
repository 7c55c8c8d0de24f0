package uk.nhs.ics.transition.projections.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.programme.LegislativeMilestoneRecorded;
import uk.nhs.ics.transition.messages.programme.ProgrammeEvent;
import uk.nhs.ics.transition.messages.programme.ProgrammeOpened;
import uk.nhs.ics.transition.messages.programme.ProgrammeRebaselined;
import uk.nhs.ics.transition.projections.PositionOnly;
import uk.nhs.ics.transition.projections.ReadModelReset;
import uk.nhs.ics.transition.projections.Sql;

/**
 * Folds the national programme into its baselines and legislative milestones. Both are facts recorded once: a
 * baseline never changes, a later one takes over from its decision date, and the history is kept.
 */
@ProcessingGroup(ProgrammeProjection.NAME)
public class ProgrammeProjection {

    public static final String NAME = "programme";

    /** Every table this projection writes. */
    public static final List<String> TABLES = List.of("programme_baseline", "legislative_milestone");

    private final JdbcClient jdbc;

    public ProgrammeProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first baseline is number 0, in force from the start of the programme. */
    @EventHandler
    void on(ProgrammeOpened event, @Timestamp Instant at) {
        insert(0, Programme.START, event.baseline(), "National baseline as first published (June 2021)", null, at);
    }

    @EventHandler
    void on(ProgrammeRebaselined event, @Timestamp Instant at) {
        insert(
                event.baselineNumber(),
                event.decidedOn(),
                event.baseline(),
                event.reason(),
                event.previousEstablishmentDate(),
                at);
    }

    @EventHandler
    void on(LegislativeMilestoneRecorded event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO legislative_milestone (milestone, occurred_on, recorded_at)
                        VALUES (:milestone, :occurredOn, :at)
                        ON CONFLICT (milestone) DO NOTHING""")
                .param("milestone", event.milestone().name())
                .param("occurredOn", event.occurredOn())
                .param("at", Sql.timestamp(at))
                .update();
    }

    /** Every other programme event: the position moves on. */
    @EventHandler
    @PositionOnly
    void on(ProgrammeEvent event) {
        // the position is recorded around every handled event (see ProjectionTransactions)
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(jdbc, NAME, TABLES);
    }

    private void insert(
            int number, LocalDate decidedOn, Baseline baseline, String reason, LocalDate previous, Instant at) {
        jdbc.sql("""
                        INSERT INTO programme_baseline (baseline_number, decided_on, establishment_date, quarter_ends,
                                                        due_date_overrides, reason, previous_establishment_date,
                                                        recorded_at)
                        VALUES (:number, :decidedOn, :establishment, CAST(:quarterEnds AS jsonb),
                                CAST(:overrides AS jsonb), :reason, :previous, :at)
                        ON CONFLICT (baseline_number) DO NOTHING""")
                .param("number", number)
                .param("decidedOn", decidedOn)
                .param("establishment", baseline.establishmentDate())
                .param("quarterEnds", BaselineJson.quarterEnds(baseline))
                .param("overrides", BaselineJson.dueDateOverrides(baseline))
                .param("reason", reason)
                .param("previous", previous)
                .param("at", Sql.timestamp(at))
                .update();
    }
}
