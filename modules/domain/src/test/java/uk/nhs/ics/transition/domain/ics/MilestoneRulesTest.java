package uk.nhs.ics.transition.domain.ics;

import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY;
import static uk.nhs.ics.transition.domain.IcsScenario.openKentAndMedway;
import static uk.nhs.ics.transition.domain.IcsScenario.steps;
import static uk.nhs.ics.transition.domain.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.ics.ClearMilestoneRisk;
import uk.nhs.ics.transition.messages.ics.CompleteMilestone;
import uk.nhs.ics.transition.messages.ics.FlagMilestoneAtRisk;
import uk.nhs.ics.transition.messages.ics.MilestoneCompleted;
import uk.nhs.ics.transition.messages.ics.MilestoneFlaggedAtRisk;
import uk.nhs.ics.transition.messages.ics.MilestoneReopened;
import uk.nhs.ics.transition.messages.ics.MilestoneRiskCleared;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;
import uk.nhs.ics.transition.messages.ics.ReopenMilestone;
import uk.nhs.ics.transition.messages.ics.StartMilestone;

/**
 * Manual milestones move NOT_STARTED → IN_PROGRESS → COMPLETE by a programme manager's hand: at risk needs a reason,
 * completion needs evidence and a date neither in the future nor before the programme, reopening needs a reason.
 * Derived milestones refuse every one of these writes.
 */
class MilestoneRulesTest {

    private static final MilestoneCode PLAN = MilestoneCode.Q1_TRANSITION_PLAN;
    private static final List<Evidence> EVIDENCE =
            List.of(new Evidence("KM-ICS-Board-2021-06-24 item 7", "Transition plan approved by the ICS board"));

    private final MutableClock clock = new MutableClock(LocalDate.of(2021, 6, 28));
    private FixtureConfiguration<IcsTransition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IcsTransition.class);
        fixture.registerInjectableResource(clock);
    }

    @Test
    void a_manual_milestone_is_started_and_answers_with_the_new_version() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .expectEvents(new MilestoneStarted(KENT_AND_MEDWAY, PLAN, false))
                .expectResultMessagePayload(new CommandOutcome(1, null));
    }

    @Test
    void a_milestone_cannot_be_started_twice() {
        fixture.givenCommands(openKentAndMedway(), new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .when(new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .expectException(refusedWith(ErrorCode.INVALID_MILESTONE_TRANSITION));
    }

    @Test
    void a_milestone_in_progress_is_completed_with_evidence_and_the_day_it_was_achieved() {
        fixture.givenCommands(openKentAndMedway(), new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .when(new CompleteMilestone(KENT_AND_MEDWAY, PLAN, LocalDate.of(2021, 6, 24), EVIDENCE, null))
                .expectEvents(
                        new MilestoneCompleted(KENT_AND_MEDWAY, PLAN, LocalDate.of(2021, 6, 24), EVIDENCE, false));
    }

    @Test
    void a_milestone_not_started_cannot_be_completed() {
        fixture.givenCommands(openKentAndMedway())
                .when(new CompleteMilestone(KENT_AND_MEDWAY, PLAN, LocalDate.of(2021, 6, 24), EVIDENCE, null))
                .expectException(refusedWith(ErrorCode.INVALID_MILESTONE_TRANSITION));
    }

    @Test
    void completing_needs_at_least_one_piece_of_evidence() {
        fixture.givenCommands(openKentAndMedway(), new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .when(new CompleteMilestone(KENT_AND_MEDWAY, PLAN, LocalDate.of(2021, 6, 24), List.of(), null))
                .expectException(refusedWith(ErrorCode.EVIDENCE_REQUIRED, "evidence"))
                .expectNoEvents();
    }

    @Test
    void a_completion_date_in_the_future_is_refused() {
        fixture.givenCommands(openKentAndMedway(), new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .when(new CompleteMilestone(KENT_AND_MEDWAY, PLAN, clock.today().plusDays(1), EVIDENCE, null))
                .expectException(refusedWith(ErrorCode.DATE_IN_FUTURE, "completedOn"));
    }

    @Test
    void a_completion_date_of_today_is_accepted() {
        fixture.givenCommands(openKentAndMedway(), new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .when(new CompleteMilestone(KENT_AND_MEDWAY, PLAN, clock.today(), EVIDENCE, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_completion_date_before_the_programme_began_is_refused() {
        fixture.givenCommands(openKentAndMedway(), new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .when(new CompleteMilestone(KENT_AND_MEDWAY, PLAN, LocalDate.of(2021, 3, 31), EVIDENCE, null))
                .expectException(refusedWith(ErrorCode.DATE_BEFORE_PROGRAMME, "completedOn"));
    }

    @Test
    void a_milestone_in_progress_is_flagged_at_risk_with_its_reason() {
        fixture.givenCommands(openKentAndMedway(), new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .when(new FlagMilestoneAtRisk(KENT_AND_MEDWAY, PLAN, "HR consultation delayed", null))
                .expectEvents(new MilestoneFlaggedAtRisk(KENT_AND_MEDWAY, PLAN, "HR consultation delayed"));
    }

    @Test
    void a_milestone_not_started_cannot_be_flagged_at_risk() {
        fixture.givenCommands(openKentAndMedway())
                .when(new FlagMilestoneAtRisk(KENT_AND_MEDWAY, PLAN, "HR consultation delayed", null))
                .expectException(refusedWith(ErrorCode.INVALID_MILESTONE_TRANSITION));
    }

    @Test
    void a_milestone_at_risk_can_be_put_back_on_track_or_completed() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new StartMilestone(KENT_AND_MEDWAY, PLAN, null),
                        new FlagMilestoneAtRisk(KENT_AND_MEDWAY, PLAN, "HR consultation delayed", null))
                .when(new ClearMilestoneRisk(KENT_AND_MEDWAY, PLAN, "Consultation concluded", null))
                .expectEvents(new MilestoneRiskCleared(KENT_AND_MEDWAY, PLAN, "Consultation concluded"));

        fixture.givenCommands(
                        openKentAndMedway(),
                        new StartMilestone(KENT_AND_MEDWAY, PLAN, null),
                        new FlagMilestoneAtRisk(KENT_AND_MEDWAY, PLAN, "HR consultation delayed", null))
                .when(new CompleteMilestone(KENT_AND_MEDWAY, PLAN, LocalDate.of(2021, 6, 24), EVIDENCE, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_milestone_not_at_risk_cannot_be_put_back_on_track() {
        fixture.givenCommands(openKentAndMedway(), new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .when(new ClearMilestoneRisk(KENT_AND_MEDWAY, PLAN, "nothing to clear", null))
                .expectException(refusedWith(ErrorCode.INVALID_MILESTONE_TRANSITION));
    }

    @Test
    void a_complete_milestone_is_reopened_with_its_reason() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        uk.nhs.ics.transition.domain.IcsScenario.completed(
                                KENT_AND_MEDWAY, PLAN, LocalDate.of(2021, 6, 24))))
                .when(new ReopenMilestone(KENT_AND_MEDWAY, PLAN, "Plan superseded by the revised timetable", null))
                .expectEvents(new MilestoneReopened(
                        KENT_AND_MEDWAY, PLAN, "Plan superseded by the revised timetable", false));
    }

    @Test
    void a_milestone_that_is_not_complete_cannot_be_reopened() {
        fixture.givenCommands(openKentAndMedway(), new StartMilestone(KENT_AND_MEDWAY, PLAN, null))
                .when(new ReopenMilestone(KENT_AND_MEDWAY, PLAN, "why not", null))
                .expectException(refusedWith(ErrorCode.INVALID_MILESTONE_TRANSITION));
    }

    @Test
    void a_derived_milestone_refuses_every_manual_write_and_says_which_facts_complete_it() {
        MilestoneCode derived = MilestoneCode.Q2_CHAIR_CEO_CONFIRMED;
        fixture.givenCommands(openKentAndMedway())
                .when(new StartMilestone(KENT_AND_MEDWAY, derived, null))
                .expectException(refusedWith(ErrorCode.DERIVED_MILESTONE))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("CHAIR and CHIEF_EXECUTIVE"));
        fixture.givenCommands(openKentAndMedway())
                .when(new CompleteMilestone(KENT_AND_MEDWAY, derived, LocalDate.of(2021, 6, 24), EVIDENCE, null))
                .expectException(refusedWith(ErrorCode.DERIVED_MILESTONE));
        fixture.givenCommands(openKentAndMedway())
                .when(new FlagMilestoneAtRisk(KENT_AND_MEDWAY, derived, "late", null))
                .expectException(refusedWith(ErrorCode.DERIVED_MILESTONE));
        fixture.givenCommands(openKentAndMedway())
                .when(new ReopenMilestone(KENT_AND_MEDWAY, derived, "late", null))
                .expectException(refusedWith(ErrorCode.DERIVED_MILESTONE));
    }
}
