package uk.nhs.ics.transition.domain.ics;

import static uk.nhs.ics.transition.domain.IcsScenario.CHAIR;
import static uk.nhs.ics.transition.domain.IcsScenario.CHIEF_EXECUTIVE;
import static uk.nhs.ics.transition.domain.IcsScenario.DIRECTOR_OF_NURSING;
import static uk.nhs.ics.transition.domain.IcsScenario.FINANCE_DIRECTOR;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY;
import static uk.nhs.ics.transition.domain.IcsScenario.MEDICAL_DIRECTOR;
import static uk.nhs.ics.transition.domain.IcsScenario.NED_1;
import static uk.nhs.ics.transition.domain.IcsScenario.NED_2;
import static uk.nhs.ics.transition.domain.IcsScenario.TRUST_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.candidate;
import static uk.nhs.ics.transition.domain.IcsScenario.chairAndChiefExecutive;
import static uk.nhs.ics.transition.domain.IcsScenario.confirm;
import static uk.nhs.ics.transition.domain.IcsScenario.designate;
import static uk.nhs.ics.transition.domain.IcsScenario.openKentAndMedway;
import static uk.nhs.ics.transition.domain.IcsScenario.recruit;
import static uk.nhs.ics.transition.domain.IcsScenario.royalAssent;
import static uk.nhs.ics.transition.domain.IcsScenario.secondReading;
import static uk.nhs.ics.transition.domain.IcsScenario.steps;
import static uk.nhs.ics.transition.domain.Produced.besidesDerived;
import static uk.nhs.ics.transition.domain.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.IcsScenario;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.ics.AppointmentMadeSubstantive;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.CandidateWithdrawn;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.MakeAppointmentSubstantive;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;
import uk.nhs.ics.transition.messages.ics.PreferredCandidateNamed;
import uk.nhs.ics.transition.messages.ics.RecruitmentProcess;
import uk.nhs.ics.transition.messages.ics.RecruitmentStarted;
import uk.nhs.ics.transition.messages.ics.StartRecruitment;
import uk.nhs.ics.transition.messages.ics.WithdrawCandidate;

/**
 * The rules of appointing to the board of an ICS NHS body, seat by seat:
 *
 * <ul>
 *   <li>recruitment starts only on a {@code VACANT} seat, and only by the prescribed process: the national process
 *       for {@code CHAIR} and {@code CHIEF_EXECUTIVE}, local filling of posts for every other role;
 *   <li>numbered seats of a multi-seat role are added in order, without gaps, from 1;
 *   <li>a preferred candidate is named only for a seat in recruitment; a declared conflicting post makes a person
 *       ineligible for {@code CHAIR} and {@code INDEPENDENT_NED} (and for no other role); one person (names compared
 *       ignoring case and spacing) cannot hold two board roles;
 *   <li>only a preferred candidate is confirmed designate, the chief executive not before a designate chair, the
 *       executive directors not before a designate chief executive;
 *   <li>a preferred candidate or designate can be withdrawn, which returns the seat to {@code RECRUITING}; nothing
 *       else can be;
 *   <li>a seat the board does not have is refused as unknown;
 *   <li>and the whole lifecycle {@code VACANT → RECRUITING → PREFERRED_CANDIDATE → DESIGNATE_CONFIRMED →
 *       SUBSTANTIVE} works end to end.
 * </ul>
 *
 * Where confirmation order is the point, the aggregate has heard of the Bill's second reading, so that the
 * legislative gate (proved in {@code LegislativeGateTest}) is not what refuses.
 */
class BoardAppointmentRulesTest {

    private static final LocalDate AUTUMN_2021 = LocalDate.of(2021, 9, 1);
    private static final BoardSeat NED_3 = BoardSeat.numbered(BoardRole.INDEPENDENT_NED, 3);
    private static final BoardSeat NED_5 = BoardSeat.numbered(BoardRole.INDEPENDENT_NED, 5);
    private static final BoardSeat PLACE_LEADER_1 = BoardSeat.numbered(BoardRole.PLACE_LEADER, 1);
    private static final BoardSeat PLACE_LEADER_2 = BoardSeat.numbered(BoardRole.PLACE_LEADER, 2);
    private static final List<String> CONFLICTING_POST = List.of("Non-executive director, Medway NHS Foundation Trust");

    private final MutableClock clock = new MutableClock(AUTUMN_2021);
    private FixtureConfiguration<IcsTransition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IcsTransition.class);
        fixture.registerInjectableResource(clock);
    }

    // ---------------------------------------------------------------- starting recruitment

    @Test
    void recruitment_to_the_chair_starts_on_its_vacant_seat_by_the_national_process() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, CHAIR, RecruitmentProcess.NATIONAL, null))
                .expectEventsMatching(
                        besidesDerived(new RecruitmentStarted(KENT_AND_MEDWAY, CHAIR, RecruitmentProcess.NATIONAL)));
    }

    @Test
    void recruitment_to_a_finance_director_starts_by_local_filling_of_posts() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, FINANCE_DIRECTOR, RecruitmentProcess.LOCAL, null))
                .expectEventsMatching(besidesDerived(
                        new RecruitmentStarted(KENT_AND_MEDWAY, FINANCE_DIRECTOR, RecruitmentProcess.LOCAL)));
    }

    @Test
    void recruitment_cannot_start_on_a_seat_already_in_recruitment() {
        fixture.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, CHAIR))
                .when(recruit(KENT_AND_MEDWAY, CHAIR))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void recruitment_cannot_start_again_on_a_seat_with_a_designate() {
        fixture.givenCommands(steps(openKentAndMedway(), designate(KENT_AND_MEDWAY, TRUST_PARTNER, "Miles Scott")))
                .when(recruit(KENT_AND_MEDWAY, TRUST_PARTNER))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void the_chair_is_not_recruited_by_local_filling_of_posts() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, CHAIR, RecruitmentProcess.LOCAL, null))
                .expectException(refusedWith(ErrorCode.WRONG_RECRUITMENT_PROCESS, "process"))
                .expectNoEvents();
    }

    @Test
    void the_chief_executive_is_not_recruited_by_local_filling_of_posts() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, RecruitmentProcess.LOCAL, null))
                .expectException(refusedWith(ErrorCode.WRONG_RECRUITMENT_PROCESS, "process"))
                .expectNoEvents();
    }

    @Test
    void an_executive_director_is_not_recruited_by_the_national_process() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, MEDICAL_DIRECTOR, RecruitmentProcess.NATIONAL, null))
                .expectException(refusedWith(ErrorCode.WRONG_RECRUITMENT_PROCESS, "process"))
                .expectNoEvents();
    }

    @Test
    void an_independent_non_executive_is_not_recruited_by_the_national_process() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, NED_1, RecruitmentProcess.NATIONAL, null))
                .expectException(refusedWith(ErrorCode.WRONG_RECRUITMENT_PROCESS, "process"))
                .expectNoEvents();
    }

    @Test
    void an_added_place_leader_seat_is_not_recruited_by_the_national_process() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, PLACE_LEADER_1, RecruitmentProcess.NATIONAL, null))
                .expectException(refusedWith(ErrorCode.WRONG_RECRUITMENT_PROCESS, "process"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- adding numbered seats

    @Test
    void a_third_independent_non_executive_seat_is_added_after_the_second() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, NED_3, RecruitmentProcess.LOCAL, null))
                .expectEventsMatching(
                        besidesDerived(new RecruitmentStarted(KENT_AND_MEDWAY, NED_3, RecruitmentProcess.LOCAL)));
    }

    @Test
    void a_numbered_seat_cannot_skip_numbers() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, NED_5, RecruitmentProcess.LOCAL, null))
                .expectException(refusedWith(ErrorCode.SEAT_NOT_ADDABLE, "role"))
                .expectNoEvents();
    }

    @Test
    void the_first_place_leader_seat_can_be_added() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, PLACE_LEADER_1, RecruitmentProcess.LOCAL, null))
                .expectEventsMatching(besidesDerived(
                        new RecruitmentStarted(KENT_AND_MEDWAY, PLACE_LEADER_1, RecruitmentProcess.LOCAL)));
    }

    @Test
    void the_second_place_leader_seat_cannot_be_added_before_the_first() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartRecruitment(KENT_AND_MEDWAY, PLACE_LEADER_2, RecruitmentProcess.LOCAL, null))
                .expectException(refusedWith(ErrorCode.SEAT_NOT_ADDABLE, "role"))
                .expectNoEvents();
    }

    @Test
    void the_second_place_leader_seat_can_be_added_once_the_first_exists() {
        fixture.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, PLACE_LEADER_1))
                .when(new StartRecruitment(KENT_AND_MEDWAY, PLACE_LEADER_2, RecruitmentProcess.LOCAL, null))
                .expectEventsMatching(besidesDerived(
                        new RecruitmentStarted(KENT_AND_MEDWAY, PLACE_LEADER_2, RecruitmentProcess.LOCAL)));
    }

    // ---------------------------------------------------------------- naming a preferred candidate

    @Test
    void a_preferred_candidate_is_named_for_a_seat_in_recruitment() {
        fixture.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, CHAIR))
                .when(candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"))
                .expectEventsMatching(besidesDerived(
                        new PreferredCandidateNamed(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", List.of(), false)));
    }

    @Test
    void a_candidate_cannot_be_named_for_a_vacant_seat() {
        fixture.givenCommands(openKentAndMedway())
                .when(candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_second_candidate_cannot_be_named_while_one_is_preferred() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, CHAIR),
                        candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"))
                .when(candidate(KENT_AND_MEDWAY, CHAIR, "Another Applicant"))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_candidate_cannot_be_named_for_a_seat_with_a_designate() {
        fixture.givenCommands(steps(openKentAndMedway(), designate(KENT_AND_MEDWAY, TRUST_PARTNER, "Miles Scott")))
                .when(candidate(KENT_AND_MEDWAY, TRUST_PARTNER, "Another Applicant"))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_declared_conflicting_post_makes_a_person_ineligible_to_chair() {
        fixture.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, CHAIR))
                .when(new NamePreferredCandidate(
                        KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", CONFLICTING_POST, false, null))
                .expectException(refusedWith(ErrorCode.CONFLICT_OF_INTEREST, "conflictingPosts"))
                .expectNoEvents();
    }

    @Test
    void a_declared_conflicting_post_makes_a_person_ineligible_as_an_independent_non_executive() {
        fixture.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, NED_2))
                .when(new NamePreferredCandidate(
                        KENT_AND_MEDWAY, NED_2, "Independent Member Two", CONFLICTING_POST, false, null))
                .expectException(refusedWith(ErrorCode.CONFLICT_OF_INTEREST, "conflictingPosts"))
                .expectNoEvents();
    }

    @Test
    void a_partner_member_may_hold_a_post_in_the_footprint() {
        fixture.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, TRUST_PARTNER))
                .when(new NamePreferredCandidate(
                        KENT_AND_MEDWAY, TRUST_PARTNER, "Miles Scott", CONFLICTING_POST, false, null))
                .expectEventsMatching(besidesDerived(new PreferredCandidateNamed(
                        KENT_AND_MEDWAY, TRUST_PARTNER, "Miles Scott", CONFLICTING_POST, false)));
    }

    @Test
    void one_person_cannot_hold_two_board_roles() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        designate(KENT_AND_MEDWAY, TRUST_PARTNER, "Miles Scott"),
                        recruit(KENT_AND_MEDWAY, PLACE_LEADER_1)))
                .when(candidate(KENT_AND_MEDWAY, PLACE_LEADER_1, "Miles Scott"))
                .expectException(refusedWith(ErrorCode.PERSON_ALREADY_ON_BOARD, "candidateName"))
                .expectNoEvents();
    }

    @Test
    void a_person_preferred_for_one_seat_cannot_be_named_for_another() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley"),
                        recruit(KENT_AND_MEDWAY, FINANCE_DIRECTOR))
                .when(candidate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Paul Bentley"))
                .expectException(refusedWith(ErrorCode.PERSON_ALREADY_ON_BOARD, "candidateName"))
                .expectNoEvents();
    }

    @Test
    void names_are_the_same_person_whatever_their_case_and_spacing() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley"),
                        recruit(KENT_AND_MEDWAY, FINANCE_DIRECTOR))
                .when(candidate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "  PAUL     bentley "))
                .expectException(refusedWith(ErrorCode.PERSON_ALREADY_ON_BOARD, "candidateName"))
                .expectNoEvents();
    }

    /** Names pasted from letters and web pages often carry a no-break space (U+00A0) between the words. */
    @Test
    void a_no_break_space_between_the_words_of_a_name_is_spacing_too() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley"),
                        recruit(KENT_AND_MEDWAY, FINANCE_DIRECTOR))
                .when(candidate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Paul\u00A0Bentley"))
                .expectException(refusedWith(ErrorCode.PERSON_ALREADY_ON_BOARD, "candidateName"))
                .expectNoEvents();
    }

    @Test
    void a_person_withdrawn_from_one_seat_can_be_named_for_another() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley"),
                        new WithdrawCandidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Appointed elsewhere", null),
                        recruit(KENT_AND_MEDWAY, FINANCE_DIRECTOR))
                .when(candidate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Paul Bentley"))
                .expectEventsMatching(besidesDerived(new PreferredCandidateNamed(
                        KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Paul Bentley", List.of(), false)));
    }

    // ---------------------------------------------------------------- confirming designates

    @Test
    void only_a_preferred_candidate_can_be_confirmed_not_a_seat_in_recruitment() {
        fixture.givenCommands(
                        steps(openKentAndMedway(), secondReading(KENT_AND_MEDWAY), recruit(KENT_AND_MEDWAY, CHAIR)))
                .when(confirm(KENT_AND_MEDWAY, CHAIR))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void only_a_preferred_candidate_can_be_confirmed_not_a_vacant_seat() {
        fixture.givenCommands(openKentAndMedway())
                .when(confirm(KENT_AND_MEDWAY, TRUST_PARTNER))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_designate_cannot_be_confirmed_again() {
        fixture.givenCommands(steps(openKentAndMedway(), designate(KENT_AND_MEDWAY, TRUST_PARTNER, "Miles Scott")))
                .when(confirm(KENT_AND_MEDWAY, TRUST_PARTNER))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void chief_executive_cannot_be_confirmed_before_the_chair() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        secondReading(KENT_AND_MEDWAY),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley")))
                .when(confirm(KENT_AND_MEDWAY, CHIEF_EXECUTIVE))
                .expectException(refusedWith(ErrorCode.BOARD_ORDER_VIOLATION))
                .expectNoEvents();
    }

    @Test
    void chief_executive_cannot_be_confirmed_while_the_chair_is_only_a_preferred_candidate() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        secondReading(KENT_AND_MEDWAY),
                        recruit(KENT_AND_MEDWAY, CHAIR),
                        candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley")))
                .when(confirm(KENT_AND_MEDWAY, CHIEF_EXECUTIVE))
                .expectException(refusedWith(ErrorCode.BOARD_ORDER_VIOLATION))
                .expectNoEvents();
    }

    @Test
    void chief_executive_is_confirmed_once_there_is_a_designate_chair() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        secondReading(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley")))
                .when(confirm(KENT_AND_MEDWAY, CHIEF_EXECUTIVE))
                .expectEventsMatching(besidesDerived(new DesignateAppointmentConfirmed(
                        KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley", AUTUMN_2021)));
    }

    @Test
    void finance_director_cannot_be_confirmed_before_the_chief_executive() {
        executiveDirectorIsRefusedWhileTheChiefExecutiveIsOnlyPreferred(FINANCE_DIRECTOR);
    }

    @Test
    void medical_director_cannot_be_confirmed_before_the_chief_executive() {
        executiveDirectorIsRefusedWhileTheChiefExecutiveIsOnlyPreferred(MEDICAL_DIRECTOR);
    }

    @Test
    void director_of_nursing_cannot_be_confirmed_before_the_chief_executive() {
        executiveDirectorIsRefusedWhileTheChiefExecutiveIsOnlyPreferred(DIRECTOR_OF_NURSING);
    }

    @Test
    void an_executive_director_cannot_be_confirmed_on_an_empty_board() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        secondReading(KENT_AND_MEDWAY),
                        recruit(KENT_AND_MEDWAY, FINANCE_DIRECTOR),
                        candidate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Finance Director")))
                .when(confirm(KENT_AND_MEDWAY, FINANCE_DIRECTOR))
                .expectException(refusedWith(ErrorCode.BOARD_ORDER_VIOLATION))
                .expectNoEvents();
    }

    @Test
    void executive_directors_are_confirmed_once_there_is_a_designate_chief_executive() {
        for (BoardSeat director : List.of(FINANCE_DIRECTOR, MEDICAL_DIRECTOR, DIRECTOR_OF_NURSING)) {
            fixture.givenCommands(steps(
                            openKentAndMedway(),
                            chairAndChiefExecutive(KENT_AND_MEDWAY),
                            recruit(KENT_AND_MEDWAY, director),
                            candidate(KENT_AND_MEDWAY, director, "Executive " + director)))
                    .when(confirm(KENT_AND_MEDWAY, director))
                    .expectEventsMatching(besidesDerived(new DesignateAppointmentConfirmed(
                            KENT_AND_MEDWAY, director, "Executive " + director, AUTUMN_2021)));
        }
    }

    // ---------------------------------------------------------------- withdrawing

    @Test
    void withdrawing_a_preferred_candidate_returns_the_seat_to_recruiting() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, CHAIR),
                        candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"))
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, CHAIR, "Withdrew for family reasons", null))
                .expectEventsMatching(besidesDerived(new CandidateWithdrawn(
                        KENT_AND_MEDWAY,
                        CHAIR,
                        "Cedi Frederick",
                        AppointmentStatus.PREFERRED_CANDIDATE,
                        "Withdrew for family reasons")));
    }

    @Test
    void withdrawing_a_designate_returns_the_seat_to_recruiting() {
        fixture.givenCommands(steps(openKentAndMedway(), chairAndChiefExecutive(KENT_AND_MEDWAY)))
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Appointed to a national role", null))
                .expectEventsMatching(besidesDerived(new CandidateWithdrawn(
                        KENT_AND_MEDWAY,
                        CHIEF_EXECUTIVE,
                        "Paul Bentley",
                        AppointmentStatus.DESIGNATE_CONFIRMED,
                        "Appointed to a national role")));
    }

    @Test
    void after_a_withdrawal_the_seat_is_recruiting_so_a_new_candidate_can_be_named() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        new WithdrawCandidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Appointed to a national role", null)))
                .when(candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Interim Chief Executive"))
                .expectEventsMatching(besidesDerived(new PreferredCandidateNamed(
                        KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Interim Chief Executive", List.of(), false)));
    }

    @Test
    void after_a_withdrawal_the_seat_is_recruiting_not_vacant() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, CHAIR),
                        candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"),
                        new WithdrawCandidate(KENT_AND_MEDWAY, CHAIR, "Withdrew for family reasons", null))
                .when(recruit(KENT_AND_MEDWAY, CHAIR))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void nobody_can_be_withdrawn_from_a_vacant_seat() {
        fixture.givenCommands(openKentAndMedway())
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, CHAIR, "No candidate", null))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void nobody_can_be_withdrawn_from_a_seat_still_recruiting() {
        fixture.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, CHAIR))
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, CHAIR, "No candidate", null))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_substantive_appointment_cannot_be_withdrawn() {
        clock.setToday(IcsScenario.ESTABLISHED_ON);
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        royalAssent(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"),
                        new MakeAppointmentSubstantive(KENT_AND_MEDWAY, CHAIR, null)))
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, CHAIR, "Resigned", null))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- unknown seats

    @Test
    void a_candidate_for_a_seat_never_added_is_refused_as_unknown() {
        fixture.givenCommands(openKentAndMedway())
                .when(candidate(KENT_AND_MEDWAY, NED_3, "Independent Member Three"))
                .expectException(refusedWith(ErrorCode.UNKNOWN_BOARD_SEAT, "role"))
                .expectNoEvents();
    }

    @Test
    void confirming_withdrawing_or_making_substantive_a_seat_never_added_is_refused_as_unknown() {
        fixture.givenCommands(openKentAndMedway())
                .when(confirm(KENT_AND_MEDWAY, NED_3))
                .expectException(refusedWith(ErrorCode.UNKNOWN_BOARD_SEAT, "role"))
                .expectNoEvents();
        fixture.givenCommands(openKentAndMedway())
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, NED_3, "No such seat", null))
                .expectException(refusedWith(ErrorCode.UNKNOWN_BOARD_SEAT, "role"))
                .expectNoEvents();
        fixture.givenCommands(openKentAndMedway())
                .when(new MakeAppointmentSubstantive(KENT_AND_MEDWAY, NED_3, null))
                .expectException(refusedWith(ErrorCode.UNKNOWN_BOARD_SEAT, "role"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- the whole lifecycle

    @Test
    void only_a_designate_can_become_substantive() {
        clock.setToday(IcsScenario.ESTABLISHED_ON);
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        royalAssent(KENT_AND_MEDWAY),
                        recruit(KENT_AND_MEDWAY, CHAIR),
                        candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick")))
                .when(new MakeAppointmentSubstantive(KENT_AND_MEDWAY, CHAIR, null))
                .expectException(refusedWith(ErrorCode.INVALID_APPOINTMENT_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_seat_goes_from_vacant_through_recruiting_preferred_and_designate_to_substantive() {
        fixture.givenCommands(steps(openKentAndMedway(), royalAssent(KENT_AND_MEDWAY)))
                .when(recruit(KENT_AND_MEDWAY, CHAIR))
                .expectEventsMatching(
                        besidesDerived(new RecruitmentStarted(KENT_AND_MEDWAY, CHAIR, RecruitmentProcess.NATIONAL)));

        fixture.givenCommands(steps(openKentAndMedway(), royalAssent(KENT_AND_MEDWAY), recruit(KENT_AND_MEDWAY, CHAIR)))
                .when(new NamePreferredCandidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", List.of(), true, null))
                .expectEventsMatching(besidesDerived(
                        new PreferredCandidateNamed(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", List.of(), true)));

        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        royalAssent(KENT_AND_MEDWAY),
                        recruit(KENT_AND_MEDWAY, CHAIR),
                        candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick")))
                .when(confirm(KENT_AND_MEDWAY, CHAIR))
                .expectEventsMatching(besidesDerived(
                        new DesignateAppointmentConfirmed(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", AUTUMN_2021)));

        clock.setToday(IcsScenario.ESTABLISHED_ON);
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        royalAssent(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick")))
                .when(new MakeAppointmentSubstantive(KENT_AND_MEDWAY, CHAIR, null))
                .expectEvents(new AppointmentMadeSubstantive(
                        KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", IcsScenario.ESTABLISHED_ON));
    }

    // ---------------------------------------------------------------- helpers

    /** The chair is designate and the chief executive only preferred: the director's confirmation must wait. */
    private void executiveDirectorIsRefusedWhileTheChiefExecutiveIsOnlyPreferred(BoardSeat director) {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        secondReading(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley"),
                        recruit(KENT_AND_MEDWAY, director),
                        candidate(KENT_AND_MEDWAY, director, "Executive " + director)))
                .when(confirm(KENT_AND_MEDWAY, director))
                .expectException(refusedWith(ErrorCode.BOARD_ORDER_VIOLATION))
                .expectNoEvents();
    }
}
