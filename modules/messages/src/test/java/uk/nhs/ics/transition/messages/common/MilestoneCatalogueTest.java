package uk.nhs.ics.transition.messages.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The milestone catalogue of the timetable: codes, quarters and kinds exactly as published. */
class MilestoneCatalogueTest {

    @Test
    void the_catalogue_has_the_published_codes_in_order() {
        assertThat(Arrays.stream(MilestoneCode.values()).map(MilestoneCode::code))
                .containsExactly(
                        "Q1-SDP-UPDATED",
                        "Q1-TRANSITION-PLAN",
                        "Q2-LEADERS-SUPPORTED",
                        "Q2-CHAIR-CEO-RECRUITED",
                        "Q2-CHAIR-CEO-CONFIRMED",
                        "Q2-MOU-DRAFTED",
                        "Q2-SUB-ICS-PLAN",
                        "Q2-DUE-DILIGENCE-PLANNING",
                        "Q3-IMPACTED-SUPPORTED",
                        "Q3-EXECUTIVES-RECRUITED",
                        "Q3-EXECUTIVES-CONFIRMED",
                        "Q3-SHADOW-READY",
                        "Q3-CONSTITUTION-ENGAGEMENT",
                        "Q4-AFFECTED-SUPPORTED",
                        "Q4-SENIOR-RECRUITED",
                        "Q4-SENIOR-CONFIRMED",
                        "Q4-DUE-DILIGENCE-COMPLETE",
                        "Q4-UNION-CONSULTATION",
                        "Q4-DIRECT-COMMISSIONING",
                        "Q4-SYSTEMS-READY",
                        "Q4-CONSTITUTION-SUBMITTED",
                        "Q4-MOU-AGREED",
                        "EST-VCSE-AGREEMENT",
                        "EST-FUNCTIONS-MAP",
                        "EST-COMMITTEES",
                        "EST-CLINICAL-LEADERSHIP",
                        "EST-ENGAGEMENT-STRATEGY",
                        "EST-PROVIDER-COLLABORATIVES",
                        "EST-DIGITAL-FOUNDATIONS");
    }

    @Test
    void each_code_starts_with_its_quarter() {
        for (MilestoneCode milestone : MilestoneCode.values()) {
            assertThat(milestone.code()).startsWith(milestone.quarter().name() + "-");
        }
    }

    @Test
    void exactly_the_milestones_the_timetable_calls_derived_are_derived() {
        List<String> derived = Arrays.stream(MilestoneCode.values())
                .filter(m -> m.kind() == MilestoneKind.DERIVED)
                .map(MilestoneCode::code)
                .toList();

        assertThat(derived)
                .containsExactly(
                        "Q2-CHAIR-CEO-RECRUITED",
                        "Q2-CHAIR-CEO-CONFIRMED",
                        "Q2-DUE-DILIGENCE-PLANNING",
                        "Q3-EXECUTIVES-RECRUITED",
                        "Q3-EXECUTIVES-CONFIRMED",
                        "Q3-CONSTITUTION-ENGAGEMENT",
                        "Q4-SENIOR-RECRUITED",
                        "Q4-SENIOR-CONFIRMED",
                        "Q4-DUE-DILIGENCE-COMPLETE",
                        "Q4-CONSTITUTION-SUBMITTED",
                        "Q4-MOU-AGREED");
        Arrays.stream(MilestoneCode.values())
                .filter(m -> m.kind() == MilestoneKind.DERIVED)
                .forEach(m -> assertThat(m.completingFacts()).isPresent());
    }

    @Test
    void each_quarter_has_its_number_of_milestones() {
        Map<Quarter, Long> perQuarter = Arrays.stream(MilestoneCode.values())
                .collect(Collectors.groupingBy(MilestoneCode::quarter, Collectors.counting()));

        assertThat(perQuarter)
                .containsEntry(Quarter.Q1, 2L)
                .containsEntry(Quarter.Q2, 6L)
                .containsEntry(Quarter.Q3, 5L)
                .containsEntry(Quarter.Q4, 9L)
                .containsEntry(Quarter.EST, 7L);
    }

    @Test
    void an_unknown_code_is_refused_as_not_found() {
        assertThat(MilestoneCode.find("Q9-NOTHING")).isEmpty();
        assertThatThrownBy(() -> MilestoneCode.of("Q9-NOTHING"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_MILESTONE));
    }
}
