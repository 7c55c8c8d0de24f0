package uk.nhs.ics.transition.domain.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.MilestoneStatus;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.Quarter;

/** The red/amber/green rules of the timetable, at their boundaries. */
class RagRulesTest {

    private static final LocalDate DUE = LocalDate.of(2021, 9, 30);

    @Test
    void every_rating_names_the_rule_that_gave_it_in_the_words_of_the_timetable() {
        assertThat(RagRules.rate(MilestoneStatus.COMPLETE, DUE, DUE, DUE).rule())
                .isEqualTo(RatingRule.COMPLETE_ON_TIME);
        assertThat(RagRules.rate(MilestoneStatus.COMPLETE, DUE.plusDays(1), DUE, DUE.plusDays(2))
                        .rule())
                .isEqualTo(RatingRule.COMPLETE_LATE);
        assertThat(RagRules.rate(MilestoneStatus.NOT_STARTED, null, DUE, DUE.minusDays(29))
                        .rule())
                .isEqualTo(RatingRule.DUE_LATER);
        assertThat(RagRules.rate(MilestoneStatus.IN_PROGRESS, null, DUE, DUE.minusDays(28))
                        .rule())
                .isEqualTo(RatingRule.DUE_SOON);
        assertThat(RagRules.rate(MilestoneStatus.AT_RISK, null, DUE, DUE.minusDays(5))
                        .rule())
                .as("at risk and due soon: the flag is the reason given")
                .isEqualTo(RatingRule.AT_RISK);
        assertThat(RagRules.rate(MilestoneStatus.AT_RISK, null, DUE, DUE.plusDays(1))
                        .rule())
                .isEqualTo(RatingRule.OVERDUE);
        assertThat(RatingRule.DUE_SOON.explanation()).isEqualTo("not complete, due within 28 days");
        for (RatingRule rule : RatingRule.values()) {
            assertThat(new MilestoneRating(rule).rating()).isEqualTo(rule.rating());
        }
    }

    @Test
    void complete_on_or_before_the_due_date_is_green() {
        assertThat(RagRules.rate(MilestoneStatus.COMPLETE, DUE, DUE, DUE.plusDays(10)))
                .isEqualTo(new MilestoneRating(RatingRule.COMPLETE_ON_TIME));
    }

    @Test
    void complete_after_the_due_date_is_amber_and_flagged_late() {
        assertThat(RagRules.rate(MilestoneStatus.COMPLETE, DUE.plusDays(1), DUE, DUE.plusDays(10)))
                .isEqualTo(new MilestoneRating(RatingRule.COMPLETE_LATE));
    }

    @Test
    void not_complete_and_due_more_than_28_days_away_is_green() {
        assertThat(RagRules.rate(MilestoneStatus.IN_PROGRESS, null, DUE, DUE.minusDays(29))
                        .rating())
                .isEqualTo(Rating.GREEN);
        assertThat(RagRules.rate(MilestoneStatus.NOT_STARTED, null, DUE, DUE.minusDays(29))
                        .rating())
                .isEqualTo(Rating.GREEN);
    }

    @Test
    void not_complete_and_due_within_28_days_is_amber() {
        assertThat(RagRules.rate(MilestoneStatus.IN_PROGRESS, null, DUE, DUE.minusDays(28))
                        .rating())
                .isEqualTo(Rating.AMBER);
        assertThat(RagRules.rate(MilestoneStatus.NOT_STARTED, null, DUE, DUE).rating())
                .isEqualTo(Rating.AMBER);
    }

    @Test
    void flagged_at_risk_is_amber_however_far_away_the_due_date() {
        assertThat(RagRules.rate(MilestoneStatus.AT_RISK, null, DUE, DUE.minusDays(90))
                        .rating())
                .isEqualTo(Rating.AMBER);
    }

    @Test
    void not_complete_and_past_its_due_date_is_red_and_overdue_even_if_at_risk() {
        assertThat(RagRules.rate(MilestoneStatus.IN_PROGRESS, null, DUE, DUE.plusDays(1)))
                .isEqualTo(new MilestoneRating(RatingRule.OVERDUE));
        assertThat(RagRules.rate(MilestoneStatus.AT_RISK, null, DUE, DUE.plusDays(1))
                        .rating())
                .isEqualTo(Rating.RED);
    }

    @Test
    void rated_for_a_date_before_it_was_completed_a_milestone_is_not_yet_complete() {
        LocalDate completed = LocalDate.of(2021, 9, 20);

        assertThat(RagRules.rate(MilestoneStatus.COMPLETE, completed, DUE, LocalDate.of(2021, 9, 10))
                        .rating())
                .isEqualTo(Rating.AMBER);
        assertThat(RagRules.rate(MilestoneStatus.COMPLETE, completed, DUE, LocalDate.of(2021, 10, 5))
                        .rating())
                .isEqualTo(Rating.GREEN);
        assertThat(RagRules.rate(MilestoneStatus.COMPLETE, LocalDate.of(2021, 10, 20), DUE, LocalDate.of(2021, 10, 5)))
                .isEqualTo(new MilestoneRating(RatingRule.OVERDUE));
    }

    @Test
    void a_quarter_is_rated_by_its_worst_milestone_and_the_overall_by_its_worst_started_quarter() {
        Baseline baseline = Programme.JUNE_2021_BASELINE;
        LocalDate at = LocalDate.of(2021, 7, 15);
        List<RagRules.MilestoneFacts> milestones = List.of(
                new RagRules.MilestoneFacts(
                        MilestoneCode.Q1_SDP_UPDATED, MilestoneStatus.COMPLETE, LocalDate.of(2021, 6, 1)),
                new RagRules.MilestoneFacts(MilestoneCode.Q1_TRANSITION_PLAN, MilestoneStatus.IN_PROGRESS, null),
                new RagRules.MilestoneFacts(MilestoneCode.Q2_MOU_DRAFTED, MilestoneStatus.NOT_STARTED, null),
                new RagRules.MilestoneFacts(MilestoneCode.Q4_SYSTEMS_READY, MilestoneStatus.AT_RISK, null));

        Map<Quarter, Rating> byQuarter = RagRules.byQuarter(milestones, baseline, at);

        assertThat(byQuarter)
                .containsEntry(Quarter.Q1, Rating.RED)
                .containsEntry(Quarter.Q2, Rating.GREEN)
                .containsEntry(Quarter.Q4, Rating.AMBER);
        assertThat(RagRules.overall(byQuarter, baseline, at)).isEqualTo(Rating.RED);
        assertThat(RagRules.overall(Map.of(Quarter.Q4, Rating.AMBER, Quarter.Q2, Rating.GREEN), baseline, at))
                .as("Q4 has not started on 2021-07-15, so its amber does not count")
                .isEqualTo(Rating.GREEN);
    }

    @Test
    void ratings_use_the_baseline_given_so_a_rebaseline_moves_them() {
        Baseline december = Programme.JUNE_2021_BASELINE.rebaselined(
                Map.of(Quarter.Q4, LocalDate.of(2022, 6, 30)), LocalDate.of(2022, 7, 1), Map.of());
        RagRules.MilestoneFacts unfinished =
                new RagRules.MilestoneFacts(MilestoneCode.Q4_MOU_AGREED, MilestoneStatus.IN_PROGRESS, null);
        LocalDate at = LocalDate.of(2022, 4, 10);

        assertThat(RagRules.rate(unfinished, Programme.JUNE_2021_BASELINE, at).rating())
                .isEqualTo(Rating.RED);
        assertThat(RagRules.rate(unfinished, december, at).rating()).isEqualTo(Rating.GREEN);
    }
}
