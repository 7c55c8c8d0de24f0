package uk.nhs.ics.transition.domain.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.ics.transition.domain.IcsScenario.CHAIR;
import static uk.nhs.ics.transition.domain.IcsScenario.CHIEF_EXECUTIVE;
import static uk.nhs.ics.transition.domain.IcsScenario.DIRECTOR_OF_NURSING;
import static uk.nhs.ics.transition.domain.IcsScenario.FINANCE_DIRECTOR;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY_CCG;
import static uk.nhs.ics.transition.domain.IcsScenario.LOCAL_AUTHORITY_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.MEDICAL_DIRECTOR;
import static uk.nhs.ics.transition.domain.IcsScenario.NED_1;
import static uk.nhs.ics.transition.domain.IcsScenario.NED_2;
import static uk.nhs.ics.transition.domain.IcsScenario.PRIMARY_CARE_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.TRUST_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.chairAndChiefExecutive;
import static uk.nhs.ics.transition.domain.IcsScenario.confirm;
import static uk.nhs.ics.transition.domain.IcsScenario.constitutionReadyToSubmit;
import static uk.nhs.ics.transition.domain.IcsScenario.designate;
import static uk.nhs.ics.transition.domain.IcsScenario.minimumBoard;
import static uk.nhs.ics.transition.domain.IcsScenario.openKentAndMedway;
import static uk.nhs.ics.transition.domain.IcsScenario.recruit;
import static uk.nhs.ics.transition.domain.IcsScenario.steps;
import static uk.nhs.ics.transition.domain.Produced.besidesDerived;
import static uk.nhs.ics.transition.domain.Produced.noneOf;
import static uk.nhs.ics.transition.domain.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.messages.ics.AppointmentMadeSubstantive;
import uk.nhs.ics.transition.messages.ics.BoardGap;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.ConstitutionSubmitted;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.ics.MilestoneCompleted;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;
import uk.nhs.ics.transition.messages.ics.PreferredCandidateNamed;
import uk.nhs.ics.transition.messages.ics.RecruitmentStarted;
import uk.nhs.ics.transition.messages.ics.SubmitConstitution;

/**
 * The minimum composition of the board of an ICS NHS body, and the gaps by which a board falls short of it:
 *
 * <ul>
 *   <li>a board starts with exactly the ten seats of the minimum composition, all vacant;
 *   <li>every required role not held by a designate (or substantive) appointee is a gap named by its role, in role
 *       order; two independent non-executives are needed besides the chair, so one is not enough;
 *   <li>a board on which nobody holding a seat knows mental health services has the
 *       {@code MENTAL_HEALTH_EXPERTISE} gap;
 *   <li>place leaders and other executive or non-executive members do not count towards the minimum;
 *   <li>preferred candidates do not count: only designate or substantive holders do;
 *   <li>a full board has no gaps, which is what completes {@code Q4-SENIOR-CONFIRMED} and what lets a constitution
 *       be submitted without naming any.
 * </ul>
 */
class BoardCompositionTest {

    private static final LocalDate DECEMBER_2021 = LocalDate.of(2021, 12, 1);

    /** Every requirement of the minimum, in the order gaps are listed. */
    private static final List<String> EVERY_REQUIREMENT = List.of(
            "CHAIR",
            "INDEPENDENT_NED",
            "CHIEF_EXECUTIVE",
            "FINANCE_DIRECTOR",
            "DIRECTOR_OF_NURSING",
            "MEDICAL_DIRECTOR",
            "PARTNER_TRUST",
            "PARTNER_PRIMARY_CARE",
            "PARTNER_LOCAL_AUTHORITY",
            BoardGap.MENTAL_HEALTH_EXPERTISE);

    private static final List<BoardSeat> THE_TEN_SEATS = List.of(
            CHAIR,
            NED_1,
            NED_2,
            CHIEF_EXECUTIVE,
            FINANCE_DIRECTOR,
            DIRECTOR_OF_NURSING,
            MEDICAL_DIRECTOR,
            TRUST_PARTNER,
            PRIMARY_CARE_PARTNER,
            LOCAL_AUTHORITY_PARTNER);

    private final MutableClock clock = new MutableClock(DECEMBER_2021);
    private FixtureConfiguration<IcsTransition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IcsTransition.class);
        fixture.registerInjectableResource(clock);
    }

    // ---------------------------------------------------------------- the seats a board starts with

    @Test
    void the_minimum_composition_is_ten_seats_one_for_each_required_holder() {
        assertThat(BoardComposition.minimumSeats()).containsExactlyElementsOf(THE_TEN_SEATS);
    }

    @Test
    void a_board_opens_with_exactly_the_ten_minimum_seats() {
        fixture.givenNoPriorActivity()
                .when(openKentAndMedway())
                .expectEvents(new IcsTransitionOpened(
                        KENT_AND_MEDWAY,
                        "Kent and Medway",
                        RegionCode.of("Y59"),
                        "E54000032",
                        "NHS Kent and Medway Integrated Care Board",
                        List.of(KENT_AND_MEDWAY_CCG),
                        Arrays.asList(MilestoneCode.values()),
                        THE_TEN_SEATS,
                        Programme.JUNE_2021_BASELINE.establishmentDate()));
    }

    @Test
    void a_new_board_has_every_requirement_as_a_gap_in_role_order() {
        Board board = new Board(BoardComposition.minimumSeats());

        assertThat(board.gaps()).containsExactlyElementsOf(EVERY_REQUIREMENT);
        assertThat(board.meetsMinimum()).isFalse();
    }

    // ---------------------------------------------------------------- gaps

    @Test
    void a_full_board_has_no_gaps() {
        Board board = fullBoard();

        assertThat(board.gaps()).isEmpty();
        assertThat(board.meetsMinimum()).isTrue();
        assertThat(BoardComposition.meetsMinimum(board.seats())).isTrue();
    }

    static Stream<BoardSeat> minimumSeats() {
        return THE_TEN_SEATS.stream();
    }

    @ParameterizedTest(name = "{0} missing")
    @MethodSource("minimumSeats")
    void each_missing_required_holder_appears_as_the_gap_of_its_role(BoardSeat missing) {
        Board board = new Board(BoardComposition.minimumSeats());
        for (BoardSeat seat : THE_TEN_SEATS) {
            if (!seat.equals(missing)) {
                // two people know mental health, so one missing holder never takes that expertise away
                boolean mentalHealth = seat.equals(MEDICAL_DIRECTOR) || seat.equals(DIRECTOR_OF_NURSING);
                holdAsDesignate(board, seat, "Holder of " + seat, mentalHealth);
            }
        }

        assertThat(board.gaps()).containsExactly(missing.role().name());
        assertThat(board.meetsMinimum()).isFalse();
    }

    @Test
    void one_independent_non_executive_besides_the_chair_is_not_enough() {
        Board board = fullBoardWithout(NED_2);

        assertThat(board.gaps()).containsExactly("INDEPENDENT_NED");
    }

    @Test
    void a_third_independent_non_executive_is_more_than_the_minimum_needs() {
        Board board = fullBoard();
        BoardSeat ned3 = BoardSeat.numbered(BoardRole.INDEPENDENT_NED, 3);
        holdAsDesignate(board, ned3, "Independent Member Three", false);

        assertThat(board.gaps()).isEmpty();
    }

    @Test
    void a_board_where_nobody_knows_mental_health_services_has_that_gap() {
        Board board = new Board(BoardComposition.minimumSeats());
        THE_TEN_SEATS.forEach(seat -> holdAsDesignate(board, seat, "Holder of " + seat, false));

        assertThat(board.gaps()).containsExactly(BoardGap.MENTAL_HEALTH_EXPERTISE);
        assertThat(board.meetsMinimum()).isFalse();
    }

    @Test
    void place_leaders_and_other_members_do_not_count_towards_the_minimum() {
        Board board = fullBoardWithout(TRUST_PARTNER);
        holdAsDesignate(board, BoardSeat.numbered(BoardRole.PLACE_LEADER, 1), "Medway and Swale Place Leader", false);
        holdAsDesignate(board, BoardSeat.numbered(BoardRole.OTHER_EXECUTIVE, 1), "Director of Strategy", false);
        holdAsDesignate(board, BoardSeat.numbered(BoardRole.OTHER_NON_EXECUTIVE, 1), "Associate Non-Executive", false);

        assertThat(board.gaps()).containsExactly("PARTNER_TRUST");
    }

    @Test
    void an_other_non_executive_does_not_stand_in_for_an_independent_non_executive() {
        Board board = fullBoardWithout(NED_2);
        holdAsDesignate(board, BoardSeat.numbered(BoardRole.OTHER_NON_EXECUTIVE, 1), "Associate Non-Executive", false);

        assertThat(board.gaps()).containsExactly("INDEPENDENT_NED");
    }

    @Test
    void a_preferred_candidate_does_not_fill_a_role() {
        Board board = fullBoardWithout(CHAIR);
        board.on(new RecruitmentStarted(KENT_AND_MEDWAY, CHAIR, BoardRole.CHAIR.process()));
        board.on(new PreferredCandidateNamed(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", List.of(), false));

        assertThat(board.gaps()).containsExactly("CHAIR");
    }

    @Test
    void mental_health_expertise_of_a_preferred_candidate_does_not_count() {
        Board board = new Board(BoardComposition.minimumSeats());
        for (BoardSeat seat : THE_TEN_SEATS) {
            if (!seat.equals(MEDICAL_DIRECTOR)) {
                holdAsDesignate(board, seat, "Holder of " + seat, false);
            }
        }
        board.on(new RecruitmentStarted(KENT_AND_MEDWAY, MEDICAL_DIRECTOR, BoardRole.MEDICAL_DIRECTOR.process()));
        board.on(new PreferredCandidateNamed(KENT_AND_MEDWAY, MEDICAL_DIRECTOR, "Medical Director", List.of(), true));

        assertThat(board.gaps()).containsExactly("MEDICAL_DIRECTOR", BoardGap.MENTAL_HEALTH_EXPERTISE);
    }

    @Test
    void substantive_holders_fill_the_board_as_designates_do() {
        Board board = fullBoard();
        THE_TEN_SEATS.forEach(seat -> board.on(new AppointmentMadeSubstantive(
                KENT_AND_MEDWAY, seat, board.seat(seat).person(), Programme.JUNE_2021_BASELINE.establishmentDate())));

        assertThat(board.gaps()).isEmpty();
    }

    // ---------------------------------------------------------------- through the aggregate

    @Test
    void the_senior_roles_milestone_completes_when_the_last_required_designate_is_confirmed() {
        fixture.givenCommands(steps(openKentAndMedway(), allButTheLastConfirmation(true)))
                .when(confirm(KENT_AND_MEDWAY, LOCAL_AUTHORITY_PARTNER))
                .expectEvents(
                        new DesignateAppointmentConfirmed(
                                KENT_AND_MEDWAY, LOCAL_AUTHORITY_PARTNER, "Local Authority Partner", DECEMBER_2021),
                        new MilestoneCompleted(
                                KENT_AND_MEDWAY, MilestoneCode.Q4_SENIOR_CONFIRMED, DECEMBER_2021, List.of(), true));
    }

    @Test
    void the_senior_roles_milestone_does_not_complete_while_nobody_knows_mental_health_services() {
        // with every seat already recruited, only Q4-SENIOR-CONFIRMED could complete on this confirmation
        fixture.givenCommands(steps(openKentAndMedway(), allButTheLastConfirmation(false)))
                .when(confirm(KENT_AND_MEDWAY, LOCAL_AUTHORITY_PARTNER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(noneOf(MilestoneCompleted.class));
    }

    @Test
    void the_senior_roles_milestone_does_not_complete_on_a_preferred_candidate() {
        List<Object> history = new ArrayList<>(allButTheLastConfirmation(true));
        history.remove(history.size() - 1); // the last candidate is yet to be named
        fixture.givenCommands(steps(openKentAndMedway(), history))
                .when(new NamePreferredCandidate(
                        KENT_AND_MEDWAY, LOCAL_AUTHORITY_PARTNER, "Local Authority Partner", List.of(), false, null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(noneOf(MilestoneCompleted.class));
    }

    @Test
    void a_constitution_is_submitted_without_gaps_when_the_board_meets_its_minimum() {
        fixture.givenCommands(steps(
                        openKentAndMedway(), minimumBoard(KENT_AND_MEDWAY), constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null))
                .expectEventsMatching(
                        besidesDerived(new ConstitutionSubmitted(KENT_AND_MEDWAY, 1, List.of(), DECEMBER_2021)));
    }

    @Test
    void a_board_short_of_one_independent_non_executive_has_exactly_that_gap_to_name() {
        List<Object> history = new ArrayList<>(minimumBoard(KENT_AND_MEDWAY));
        history.removeAll(designate(KENT_AND_MEDWAY, NED_2, "Independent Member Two"));
        List<Object> shortOfOneNed = steps(openKentAndMedway(), history, constitutionReadyToSubmit(KENT_AND_MEDWAY));
        BoardGap gap = new BoardGap("INDEPENDENT_NED", "Second independent member to be appointed in March 2022");

        fixture.givenCommands(shortOfOneNed)
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null))
                .expectException(refusedWith(ErrorCode.BOARD_GAPS_NOT_NAMED, "gaps"))
                .expectNoEvents();
        fixture.givenCommands(shortOfOneNed)
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(gap), null))
                .expectEventsMatching(
                        besidesDerived(new ConstitutionSubmitted(KENT_AND_MEDWAY, 1, List.of(gap), DECEMBER_2021)));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The minimum board with every seat recruited and named, and every seat but the local authority partner's
     * confirmed; the medical director knows mental health services only if asked.
     */
    private static List<Object> allButTheLastConfirmation(boolean medicalDirectorKnowsMentalHealth) {
        return steps(
                chairAndChiefExecutive(KENT_AND_MEDWAY),
                designate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Finance Director"),
                designate(KENT_AND_MEDWAY, MEDICAL_DIRECTOR, "Medical Director", medicalDirectorKnowsMentalHealth),
                designate(KENT_AND_MEDWAY, DIRECTOR_OF_NURSING, "Director of Nursing"),
                designate(KENT_AND_MEDWAY, NED_1, "Independent Member One"),
                designate(KENT_AND_MEDWAY, NED_2, "Independent Member Two"),
                designate(KENT_AND_MEDWAY, TRUST_PARTNER, "Trust Partner"),
                designate(KENT_AND_MEDWAY, PRIMARY_CARE_PARTNER, "Primary Care Partner"),
                recruit(KENT_AND_MEDWAY, LOCAL_AUTHORITY_PARTNER),
                new NamePreferredCandidate(
                        KENT_AND_MEDWAY, LOCAL_AUTHORITY_PARTNER, "Local Authority Partner", List.of(), false, null));
    }

    /** The ten seats held by designates, the medical director knowing mental health services. */
    private static Board fullBoard() {
        return fullBoardWithout(null);
    }

    private static Board fullBoardWithout(BoardSeat left) {
        Board board = new Board(BoardComposition.minimumSeats());
        for (BoardSeat seat : THE_TEN_SEATS) {
            if (!seat.equals(left)) {
                holdAsDesignate(board, seat, "Holder of " + seat, seat.equals(MEDICAL_DIRECTOR));
            }
        }
        return board;
    }

    /** Takes a seat through recruitment to a designate, by the events the aggregate would record. */
    private static void holdAsDesignate(Board board, BoardSeat seat, String person, boolean mentalHealthExpertise) {
        board.on(new RecruitmentStarted(KENT_AND_MEDWAY, seat, seat.role().process()));
        board.on(new PreferredCandidateNamed(KENT_AND_MEDWAY, seat, person, List.of(), mentalHealthExpertise));
        board.on(new DesignateAppointmentConfirmed(KENT_AND_MEDWAY, seat, person, LocalDate.of(2021, 11, 1)));
    }
}
