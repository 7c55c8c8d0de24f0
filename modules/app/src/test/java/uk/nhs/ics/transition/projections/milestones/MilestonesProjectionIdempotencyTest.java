package uk.nhs.ics.transition.projections.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.ics.MilestoneCompleted;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;

/**
 * The milestones projection, called directly against the real database: an event seen twice leaves the same rows,
 * and an older event seen after a newer one changes nothing. (QZZ is no ICS of the programme, so no view shows it.)
 */
class MilestonesProjectionIdempotencyTest extends EndToEndTest {

    private static final IcsCode QZZ = IcsCode.of("QZZ");
    private static final MilestoneCode PLAN = MilestoneCode.Q1_TRANSITION_PLAN;

    @Autowired
    MilestonesProjection projection;

    @Test
    void an_event_seen_twice_leaves_the_same_rows_and_an_older_one_changes_nothing() {
        Instant opened = Instant.parse("2021-04-01T09:00:00Z");
        Instant started = opened.plusSeconds(60);
        Instant completed = started.plusSeconds(60);
        IcsTransitionOpened open = new IcsTransitionOpened(
                QZZ, "Nowhere", RegionCode.of("Y59"), "E0", "ICB", List.of(), List.of(PLAN), List.of(), null);
        MilestoneStarted start = new MilestoneStarted(QZZ, PLAN, false);
        MilestoneCompleted complete =
                new MilestoneCompleted(QZZ, PLAN, LocalDate.of(2021, 6, 1), List.of(new Evidence("R", "D")), false);

        projection.on(open, 0, opened);
        projection.on(start, 1, started);
        projection.on(complete, 2, completed);
        List<Map<String, Object>> once = rows();

        projection.on(open, 0, opened);
        projection.on(start, 1, started);
        projection.on(complete, 2, completed);
        projection.on(complete, 2, completed);

        assertThat(rows()).isEqualTo(once);
        assertThat(once).hasSize(3);
        assertThat(once.get(2)).containsEntry("status", "COMPLETE").containsEntry("valid_to", null);
        assertThat(once.get(0).get("valid_to")).isEqualTo(once.get(1).get("valid_from"));
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("""
                        SELECT status, completed_on, evidence::text AS evidence, valid_from, valid_to, version
                          FROM milestone_state WHERE ics_code = 'QZZ' AND milestone = :m ORDER BY version""").param("m", PLAN.code()).query().listOfRows();
    }
}
