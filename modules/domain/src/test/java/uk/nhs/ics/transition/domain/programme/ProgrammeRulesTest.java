package uk.nhs.ics.transition.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.nhs.ics.transition.domain.IcsScenario.INTRODUCED_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.ROYAL_ASSENT_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.SECOND_READING_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.THIRD_READING_ON;
import static uk.nhs.ics.transition.domain.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.messages.programme.LegislativeMilestoneRecorded;
import uk.nhs.ics.transition.messages.programme.OpenProgramme;
import uk.nhs.ics.transition.messages.programme.ProgrammeOpened;
import uk.nhs.ics.transition.messages.programme.ProgrammeRebaselined;
import uk.nhs.ics.transition.messages.programme.Rebaseline;
import uk.nhs.ics.transition.messages.programme.RecordLegislativeMilestone;

/**
 * The national programme's rules:
 *
 * <ul>
 *   <li>the Bill's stages are recorded in order (INTRODUCED, SECOND_READING, THIRD_READING, ROYAL_ASSENT), each once,
 *       never dated in the future, never before the programme began on 2021-04-01 and never before the stage it
 *       follows;
 *   <li>a re-baseline moves what it names from its decision date, keeps everything else, and moves the milestones due
 *       at a moved quarter end with it; re-baselines are numbered in order, each building on the one in force, and
 *       name the establishment date they replace;
 *   <li>a re-baseline is refused when it takes effect before the one in force or before the programme, changes
 *       nothing, puts the quarter ends out of order, sets an establishment date before its decision, or gives no
 *       reason;
 *   <li>every command answers with the programme's version.
 * </ul>
 */
class ProgrammeRulesTest {

    private static final String ENGLAND = Programme.ID;
    private static final Baseline JUNE_2021 = Programme.JUNE_2021_BASELINE;

    private static final LocalDate DECEMBER_DECISION = LocalDate.of(2021, 12, 24);
    private static final LocalDate APRIL_ESTABLISHMENT = LocalDate.of(2022, 4, 1);
    private static final LocalDate JULY_ESTABLISHMENT = LocalDate.of(2022, 7, 1);
    private static final LocalDate Q4_MOVED_END = LocalDate.of(2022, 6, 30);
    private static final String DECEMBER_REASON = "Target establishment date moved to 2022-07-01 to allow for the"
            + " remaining parliamentary stages of the Health and Care Bill";

    /** The baseline in force from 2021-12-24: Q1 to Q3 as published in June 2021, Q4 and go-live three months on. */
    private static final Baseline DECEMBER_2021 = new Baseline(
            Map.of(
                    Quarter.Q1, LocalDate.of(2021, 6, 30),
                    Quarter.Q2, LocalDate.of(2021, 9, 30),
                    Quarter.Q3, LocalDate.of(2021, 12, 31),
                    Quarter.Q4, Q4_MOVED_END),
            JULY_ESTABLISHMENT,
            Map.of());

    private final MutableClock clock = new MutableClock(LocalDate.of(2022, 5, 3));
    private FixtureConfiguration<NationalProgramme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NationalProgramme.class);
        fixture.registerInjectableResource(clock);
    }

    // ---------------------------------------------------------------- the Bill

    @Test
    void opening_the_programme_answers_with_version_0() {
        fixture.givenNoPriorActivity()
                .when(open())
                .expectEvents(new ProgrammeOpened(ENGLAND, JUNE_2021))
                .expectResultMessagePayload(new CommandOutcome(0, null));
    }

    @Test
    void the_bills_introduction_is_recorded_and_answers_with_the_new_version() {
        fixture.givenCommands(open())
                .when(record(LegislativeMilestone.INTRODUCED, INTRODUCED_ON))
                .expectEvents(new LegislativeMilestoneRecorded(ENGLAND, LegislativeMilestone.INTRODUCED, INTRODUCED_ON))
                .expectResultMessagePayload(new CommandOutcome(1, null));
    }

    @Test
    void the_bills_stages_are_recorded_in_order_up_to_royal_assent() {
        fixture.givenCommands(
                        open(),
                        record(LegislativeMilestone.INTRODUCED, INTRODUCED_ON),
                        record(LegislativeMilestone.SECOND_READING, SECOND_READING_ON),
                        record(LegislativeMilestone.THIRD_READING, THIRD_READING_ON))
                .when(record(LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON))
                .expectEvents(
                        new LegislativeMilestoneRecorded(ENGLAND, LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON))
                .expectResultMessagePayload(new CommandOutcome(4, null));
    }

    @Test
    void the_second_reading_cannot_be_recorded_before_the_introduction() {
        fixture.givenCommands(open())
                .when(record(LegislativeMilestone.SECOND_READING, SECOND_READING_ON))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_ORDER_VIOLATION, "milestone"))
                .expectNoEvents();
    }

    @Test
    void royal_assent_cannot_be_recorded_before_the_third_reading() {
        fixture.givenCommands(
                        open(),
                        record(LegislativeMilestone.INTRODUCED, INTRODUCED_ON),
                        record(LegislativeMilestone.SECOND_READING, SECOND_READING_ON))
                .when(record(LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_ORDER_VIOLATION, "milestone"))
                .expectNoEvents();
    }

    @Test
    void a_stage_cannot_be_recorded_twice() {
        fixture.givenCommands(
                        open(),
                        record(LegislativeMilestone.INTRODUCED, INTRODUCED_ON),
                        record(LegislativeMilestone.SECOND_READING, SECOND_READING_ON))
                .when(record(LegislativeMilestone.SECOND_READING, SECOND_READING_ON.plusDays(1)))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_ORDER_VIOLATION, "milestone"))
                .expectNoEvents();
    }

    @Test
    void a_stage_cannot_be_dated_in_the_future() {
        clock.setToday(LocalDate.of(2021, 7, 13));
        fixture.givenCommands(open(), record(LegislativeMilestone.INTRODUCED, INTRODUCED_ON))
                .when(record(LegislativeMilestone.SECOND_READING, SECOND_READING_ON))
                .expectException(refusedWith(ErrorCode.DATE_IN_FUTURE, "occurredOn"))
                .expectNoEvents();
    }

    @Test
    void a_stage_may_be_recorded_on_the_day_it_happens() {
        clock.setToday(SECOND_READING_ON);
        fixture.givenCommands(open(), record(LegislativeMilestone.INTRODUCED, INTRODUCED_ON))
                .when(record(LegislativeMilestone.SECOND_READING, SECOND_READING_ON))
                .expectEvents(new LegislativeMilestoneRecorded(
                        ENGLAND, LegislativeMilestone.SECOND_READING, SECOND_READING_ON));
    }

    @Test
    void a_stage_cannot_be_dated_before_the_programme_began() {
        fixture.givenCommands(open())
                .when(record(LegislativeMilestone.INTRODUCED, Programme.START.minusDays(1)))
                .expectException(refusedWith(ErrorCode.DATE_BEFORE_PROGRAMME, "occurredOn"))
                .expectNoEvents();
    }

    @Test
    void a_stage_cannot_be_dated_before_the_stage_it_follows() {
        fixture.givenCommands(
                        open(),
                        record(LegislativeMilestone.INTRODUCED, INTRODUCED_ON),
                        record(LegislativeMilestone.SECOND_READING, SECOND_READING_ON))
                .when(record(LegislativeMilestone.THIRD_READING, SECOND_READING_ON.minusDays(1)))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_ORDER_VIOLATION, "occurredOn"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- re-baselining

    @Test
    void the_december_2021_rebaseline_moves_go_live_to_july_and_is_numbered_1() {
        fixture.givenCommands(open())
                .when(december2021())
                .expectEvents(new ProgrammeRebaselined(
                        ENGLAND, 1, DECEMBER_DECISION, DECEMBER_2021, APRIL_ESTABLISHMENT, DECEMBER_REASON))
                .expectResultMessagePayload(new CommandOutcome(1, null));
    }

    @Test
    void milestones_due_at_a_moved_quarter_end_move_with_it_and_the_others_stay() {
        fixture.givenCommands(open())
                .when(december2021())
                .expectEventsMatching(onlyRebaseline(
                        "Q4 milestones due 2022-06-30, establishment duties 2022-07-01, Q3 unchanged",
                        event -> event.baseline()
                                        .dueDate(MilestoneCode.Q4_DUE_DILIGENCE_COMPLETE)
                                        .equals(Q4_MOVED_END)
                                && event.baseline()
                                        .dueDate(MilestoneCode.Q4_CONSTITUTION_SUBMITTED)
                                        .equals(Q4_MOVED_END)
                                && event.baseline()
                                        .dueDate(MilestoneCode.EST_COMMITTEES)
                                        .equals(JULY_ESTABLISHMENT)
                                && event.baseline()
                                        .dueDate(MilestoneCode.Q3_SHADOW_READY)
                                        .equals(LocalDate.of(2021, 12, 31))
                                && event.baseline()
                                        .dueDate(MilestoneCode.Q1_TRANSITION_PLAN)
                                        .equals(LocalDate.of(2021, 6, 30))));
    }

    @Test
    void a_later_rebaseline_is_numbered_2_and_builds_on_the_one_in_force() {
        LocalDate decided = LocalDate.of(2022, 2, 14);
        LocalDate systemsReady = LocalDate.of(2022, 6, 15);
        String reason = "Systems readiness checkpoint set ahead of the quarter end";
        Baseline expected =
                DECEMBER_2021.rebaselined(Map.of(), null, Map.of(MilestoneCode.Q4_SYSTEMS_READY, systemsReady));
        fixture.givenCommands(open(), december2021())
                .when(new Rebaseline(
                        ENGLAND,
                        decided,
                        null,
                        Map.of(),
                        Map.of(MilestoneCode.Q4_SYSTEMS_READY, systemsReady),
                        reason,
                        null))
                .expectEvents(new ProgrammeRebaselined(ENGLAND, 2, decided, expected, JULY_ESTABLISHMENT, reason))
                .expectResultMessagePayload(new CommandOutcome(2, null));
        assertThat(expected.dueDate(MilestoneCode.Q4_SYSTEMS_READY)).isEqualTo(systemsReady);
        assertThat(expected.dueDate(MilestoneCode.Q4_MOU_AGREED)).isEqualTo(Q4_MOVED_END);
        assertThat(expected.establishmentDate()).isEqualTo(JULY_ESTABLISHMENT);
    }

    @Test
    void a_rebaseline_cannot_take_effect_before_the_one_in_force() {
        fixture.givenCommands(open(), december2021())
                .when(new Rebaseline(
                        ENGLAND,
                        DECEMBER_DECISION.minusDays(1),
                        LocalDate.of(2022, 9, 1),
                        Map.of(Quarter.Q4, LocalDate.of(2022, 8, 31)),
                        Map.of(),
                        "Backdated",
                        null))
                .expectException(refusedWith(ErrorCode.BASELINE_INVALID, "decidedOn"))
                .expectNoEvents();
    }

    @Test
    void a_rebaseline_cannot_take_effect_before_the_programme_began() {
        fixture.givenCommands(open())
                .when(new Rebaseline(
                        ENGLAND,
                        Programme.START.minusDays(1),
                        JULY_ESTABLISHMENT,
                        Map.of(Quarter.Q4, Q4_MOVED_END),
                        Map.of(),
                        "Before the programme",
                        null))
                .expectException(refusedWith(ErrorCode.BASELINE_INVALID, "decidedOn"))
                .expectNoEvents();
    }

    @Test
    void a_rebaseline_that_changes_nothing_is_refused() {
        fixture.givenCommands(open())
                .when(new Rebaseline(
                        ENGLAND,
                        DECEMBER_DECISION,
                        APRIL_ESTABLISHMENT,
                        Map.of(Quarter.Q4, LocalDate.of(2022, 3, 31)),
                        Map.of(),
                        "No change",
                        null))
                .expectException(refusedWith(ErrorCode.BASELINE_INVALID))
                .expectNoEvents();

        fixture.givenCommands(open(), december2021())
                .when(december2021())
                .expectException(refusedWith(ErrorCode.BASELINE_INVALID))
                .expectNoEvents();
    }

    @Test
    void quarter_ends_out_of_order_are_refused() {
        fixture.givenCommands(open())
                .when(new Rebaseline(
                        ENGLAND,
                        DECEMBER_DECISION,
                        null,
                        Map.of(Quarter.Q3, LocalDate.of(2022, 4, 30)),
                        Map.of(),
                        "Q3 extended past Q4",
                        null))
                .expectException(refusedWith(ErrorCode.BASELINE_INVALID, "quarterEnds"))
                .expectNoEvents();
    }

    @Test
    void an_establishment_date_before_the_decision_takes_effect_is_refused() {
        fixture.givenCommands(open())
                .when(new Rebaseline(
                        ENGLAND,
                        LocalDate.of(2022, 4, 20),
                        LocalDate.of(2022, 4, 10),
                        Map.of(),
                        Map.of(),
                        "Go-live moved into the past",
                        null))
                .expectException(refusedWith(ErrorCode.BASELINE_INVALID, "establishmentDate"))
                .expectNoEvents();
    }

    @Test
    void a_rebaseline_needs_a_reason() {
        RuleViolation blank = catchThrowableOfType(
                () -> new Rebaseline(ENGLAND, DECEMBER_DECISION, JULY_ESTABLISHMENT, Map.of(), Map.of(), " \t ", null),
                RuleViolation.class);
        assertThat(blank).isNotNull();
        assertThat(blank.code()).isEqualTo(ErrorCode.REASON_REQUIRED);
        assertThat(blank.field()).isEqualTo("reason");

        RuleViolation missing = catchThrowableOfType(
                () -> new Rebaseline(ENGLAND, DECEMBER_DECISION, JULY_ESTABLISHMENT, Map.of(), Map.of(), null, null),
                RuleViolation.class);
        assertThat(missing).isNotNull();
        assertThat(missing.code()).isEqualTo(ErrorCode.REASON_REQUIRED);
    }

    // ---------------------------------------------------------------- scenario

    private static OpenProgramme open() {
        return new OpenProgramme(ENGLAND, JUNE_2021);
    }

    private static RecordLegislativeMilestone record(LegislativeMilestone stage, LocalDate on) {
        return new RecordLegislativeMilestone(ENGLAND, stage, on, null);
    }

    /** The real re-baseline: decided 2021-12-24, Q4 to end 2022-06-30 and go-live on 2022-07-01. */
    private static Rebaseline december2021() {
        return new Rebaseline(
                ENGLAND,
                DECEMBER_DECISION,
                JULY_ESTABLISHMENT,
                Map.of(Quarter.Q4, Q4_MOVED_END),
                Map.of(),
                DECEMBER_REASON,
                null);
    }

    /** The command produced exactly one event, a re-baseline for which the condition holds. */
    private static Matcher<List<EventMessage<?>>> onlyRebaseline(
            String condition, Predicate<ProgrammeRebaselined> holds) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.size() == 1
                        && events.get(0).getPayload() instanceof ProgrammeRebaselined rebaselined
                        && holds.test(rebaselined);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("one ProgrammeRebaselined with " + condition);
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description description) {
                List<Object> payloads = new ArrayList<>();
                events.forEach(e -> payloads.add(e.getPayload()));
                description.appendText("were " + payloads);
            }
        };
    }
}
