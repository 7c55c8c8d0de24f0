package uk.nhs.ics.transition.messages.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Due dates under a baseline, and how a re-baseline moves them. */
class BaselineTest {

    private final Baseline june2021 = Programme.JUNE_2021_BASELINE;

    @Test
    void a_milestone_is_due_on_the_last_day_of_its_quarter() {
        assertThat(june2021.dueDate(MilestoneCode.Q1_SDP_UPDATED)).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(june2021.dueDate(MilestoneCode.Q2_CHAIR_CEO_CONFIRMED)).isEqualTo(LocalDate.of(2021, 9, 30));
        assertThat(june2021.dueDate(MilestoneCode.Q3_SHADOW_READY)).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(june2021.dueDate(MilestoneCode.Q4_MOU_AGREED)).isEqualTo(LocalDate.of(2022, 3, 31));
    }

    @Test
    void establishment_duties_are_due_on_the_establishment_date() {
        assertThat(june2021.dueDate(MilestoneCode.EST_COMMITTEES)).isEqualTo(LocalDate.of(2022, 4, 1));
    }

    @Test
    void the_december_2021_rebaseline_moves_q4_establishment_and_everything_due_with_them() {
        Baseline december = june2021.rebaselined(
                Map.of(Quarter.Q4, LocalDate.of(2022, 6, 30)),
                LocalDate.of(2022, 7, 1),
                Map.of(MilestoneCode.Q4_SYSTEMS_READY, LocalDate.of(2022, 6, 15)));

        assertThat(december.dueDate(MilestoneCode.Q4_MOU_AGREED)).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(december.dueDate(MilestoneCode.Q4_SYSTEMS_READY)).isEqualTo(LocalDate.of(2022, 6, 15));
        assertThat(december.dueDate(MilestoneCode.EST_COMMITTEES)).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(december.dueDate(MilestoneCode.Q3_SHADOW_READY))
                .as("not named, so unchanged")
                .isEqualTo(LocalDate.of(2021, 12, 31));
    }

    @Test
    void a_milestone_with_its_own_due_date_keeps_it_when_its_quarter_end_moves_later() {
        Baseline own =
                june2021.rebaselined(Map.of(), null, Map.of(MilestoneCode.Q3_SHADOW_READY, LocalDate.of(2021, 12, 1)));
        Baseline moved = own.rebaselined(Map.of(Quarter.Q3, LocalDate.of(2022, 1, 31)), null, Map.of());

        assertThat(moved.dueDate(MilestoneCode.Q3_SHADOW_READY)).isEqualTo(LocalDate.of(2021, 12, 1));
        assertThat(moved.dueDate(MilestoneCode.Q3_IMPACTED_SUPPORTED)).isEqualTo(LocalDate.of(2022, 1, 31));
    }

    @Test
    void quarters_start_the_day_after_the_previous_quarter_ends_and_establishment_duties_start_with_q4() {
        assertThat(june2021.start(Quarter.Q1)).isEqualTo(LocalDate.of(2021, 4, 1));
        assertThat(june2021.start(Quarter.Q2)).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(june2021.start(Quarter.Q4)).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(june2021.start(Quarter.EST)).isEqualTo(june2021.start(Quarter.Q4));
    }

    @Test
    void quarter_ends_must_stay_in_order() {
        assertThatThrownBy(() -> june2021.rebaselined(Map.of(Quarter.Q2, LocalDate.of(2021, 6, 1)), null, Map.of()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BASELINE_INVALID));
    }

    @Test
    void establishment_must_come_after_q4_ends() {
        assertThatThrownBy(() -> june2021.rebaselined(Map.of(), LocalDate.of(2022, 3, 31), Map.of()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.field()).isEqualTo("establishmentDate"));
    }

    @Test
    void a_due_date_must_fall_within_the_programme() {
        assertThatThrownBy(() -> june2021.rebaselined(
                        Map.of(), null, Map.of(MilestoneCode.Q1_SDP_UPDATED, LocalDate.of(2021, 3, 31))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.field()).isEqualTo("milestoneDueDates.Q1-SDP-UPDATED"));
    }
}
