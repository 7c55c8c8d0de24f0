package uk.nhs.ics.transition.domain.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.ics.transition.domain.IcsScenario.CHAIR;
import static uk.nhs.ics.transition.domain.IcsScenario.CHIEF_EXECUTIVE;
import static uk.nhs.ics.transition.domain.IcsScenario.DERBYSHIRE;
import static uk.nhs.ics.transition.domain.IcsScenario.DERBY_AND_DERBYSHIRE_CCG;
import static uk.nhs.ics.transition.domain.IcsScenario.DIRECTOR_OF_NURSING;
import static uk.nhs.ics.transition.domain.IcsScenario.FINANCE_DIRECTOR;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY_CCG;
import static uk.nhs.ics.transition.domain.IcsScenario.LOCAL_AUTHORITY_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.MEDICAL_DIRECTOR;
import static uk.nhs.ics.transition.domain.IcsScenario.NED_1;
import static uk.nhs.ics.transition.domain.IcsScenario.NED_2;
import static uk.nhs.ics.transition.domain.IcsScenario.PRIMARY_CARE_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.TAMESIDE_AND_GLOSSOP_CCG;
import static uk.nhs.ics.transition.domain.IcsScenario.TRUST_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.candidate;
import static uk.nhs.ics.transition.domain.IcsScenario.chairAndChiefExecutive;
import static uk.nhs.ics.transition.domain.IcsScenario.confirm;
import static uk.nhs.ics.transition.domain.IcsScenario.constitutionReadyToSubmit;
import static uk.nhs.ics.transition.domain.IcsScenario.designate;
import static uk.nhs.ics.transition.domain.IcsScenario.dueDiligenceReadyToSignOff;
import static uk.nhs.ics.transition.domain.IcsScenario.minimumBoard;
import static uk.nhs.ics.transition.domain.IcsScenario.openDerbyshire;
import static uk.nhs.ics.transition.domain.IcsScenario.openKentAndMedway;
import static uk.nhs.ics.transition.domain.IcsScenario.recruit;
import static uk.nhs.ics.transition.domain.IcsScenario.secondReading;
import static uk.nhs.ics.transition.domain.IcsScenario.steps;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.MilestoneKind;
import uk.nhs.ics.transition.messages.ics.AgreeMou;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.ApproveConstitution;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.CandidateWithdrawn;
import uk.nhs.ics.transition.messages.ics.CloseConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.ConstitutionApproved;
import uk.nhs.ics.transition.messages.ics.ConstitutionDraftRecorded;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementClosed;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementOpened;
import uk.nhs.ics.transition.messages.ics.ConstitutionReturned;
import uk.nhs.ics.transition.messages.ics.ConstitutionSubmitted;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.DraftMou;
import uk.nhs.ics.transition.messages.ics.DueDiligenceCompleted;
import uk.nhs.ics.transition.messages.ics.DueDiligencePlanningStarted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignedOff;
import uk.nhs.ics.transition.messages.ics.MilestoneCompleted;
import uk.nhs.ics.transition.messages.ics.MilestoneReopened;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;
import uk.nhs.ics.transition.messages.ics.MouAgreed;
import uk.nhs.ics.transition.messages.ics.MouDrafted;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;
import uk.nhs.ics.transition.messages.ics.NoteTransferSchemeAgreed;
import uk.nhs.ics.transition.messages.ics.OpenConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.RecordConstitutionDraft;
import uk.nhs.ics.transition.messages.ics.RecruitmentProcess;
import uk.nhs.ics.transition.messages.ics.RecruitmentStarted;
import uk.nhs.ics.transition.messages.ics.ReturnConstitution;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;
import uk.nhs.ics.transition.messages.ics.SignOffDueDiligence;
import uk.nhs.ics.transition.messages.ics.StartDueDiligencePlanning;
import uk.nhs.ics.transition.messages.ics.SubmitConstitution;
import uk.nhs.ics.transition.messages.ics.TransferSchemeAgreementNoted;
import uk.nhs.ics.transition.messages.ics.WithdrawCandidate;

/**
 * Derived milestones follow the facts recorded elsewhere in the ICS transition, in the same decision that records
 * them. Each completes itself exactly when the last of its facts is recorded (not before), dated the business clock's
 * today and marked derived; each starts itself when the first of its facts is recorded; and one whose facts are
 * undone reopens itself, marked derived:
 *
 * <ul>
 *   <li>Q2-CHAIR-CEO-RECRUITED: recruitment started for both CHAIR and CHIEF_EXECUTIVE;
 *   <li>Q2-CHAIR-CEO-CONFIRMED: designate CHAIR and CHIEF_EXECUTIVE (reopens when a designate withdraws);
 *   <li>Q2-DUE-DILIGENCE-PLANNING: due diligence planning started;
 *   <li>Q3-EXECUTIVES-RECRUITED and Q3-EXECUTIVES-CONFIRMED: finance director, medical director and director of
 *       nursing in recruitment, then confirmed designate;
 *   <li>Q3-CONSTITUTION-ENGAGEMENT: engagement on the constitution closed (and it stays held when the constitution is
 *       returned);
 *   <li>Q4-SENIOR-RECRUITED: no board seat still vacant;
 *   <li>Q4-SENIOR-CONFIRMED: the board meets its minimum composition with designates, mental health expertise
 *       included (reopens when a member withdraws);
 *   <li>Q4-DUE-DILIGENCE-COMPLETE: due diligence signed off by every predecessor CCG's accountable officer and the
 *       designate chief executive, and every predecessor CCG's transfer scheme agreed;
 *   <li>Q4-CONSTITUTION-SUBMITTED: the constitution submitted (reopens when it is returned);
 *   <li>Q4-MOU-AGREED: the MoU agreed.
 * </ul>
 *
 * A transfer scheme agreement noted for a CCG that is not a predecessor changes nothing.
 */
class DerivedMilestonesTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 11, 15);

    private final MutableClock clock = new MutableClock(TODAY);
    private FixtureConfiguration<IcsTransition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IcsTransition.class);
        fixture.registerInjectableResource(clock);
    }

    // ---------------------------------------------------------------- Q2-CHAIR-CEO-RECRUITED

    @Test
    void recruiting_only_the_chair_starts_the_chair_and_chief_executive_recruitment_milestone_without_completing_it() {
        fixture.givenCommands(openKentAndMedway())
                .when(recruit(KENT_AND_MEDWAY, CHAIR))
                .expectEvents(
                        new RecruitmentStarted(
                                KENT_AND_MEDWAY, CHAIR, CHAIR.role().process()),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q2_CHAIR_CEO_RECRUITED),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q4_SENIOR_RECRUITED));
    }

    @Test
    void recruitment_started_for_both_chair_and_chief_executive_completes_the_recruitment_milestone_today() {
        fixture.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, CHAIR))
                .when(recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE))
                .expectEvents(
                        new RecruitmentStarted(
                                KENT_AND_MEDWAY,
                                CHIEF_EXECUTIVE,
                                CHIEF_EXECUTIVE.role().process()),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q2_CHAIR_CEO_RECRUITED));
    }

    @Test
    void a_derived_milestone_is_dated_the_day_its_last_fact_is_recorded_not_the_day_it_started() {
        var given = fixture.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, CHAIR));
        LocalDate later = LocalDate.of(2021, 12, 2);
        clock.setToday(later);

        given.when(recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE))
                .expectEvents(
                        new RecruitmentStarted(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, RecruitmentProcess.NATIONAL),
                        new MilestoneCompleted(
                                KENT_AND_MEDWAY, MilestoneCode.Q2_CHAIR_CEO_RECRUITED, later, List.of(), true));
    }

    // ---------------------------------------------------------------- Q2-CHAIR-CEO-CONFIRMED

    @Test
    void a_designate_chair_alone_starts_the_confirmation_milestone_without_completing_it() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        secondReading(KENT_AND_MEDWAY),
                        recruit(KENT_AND_MEDWAY, CHAIR),
                        candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick")))
                .when(confirm(KENT_AND_MEDWAY, CHAIR))
                .expectEvents(
                        new DesignateAppointmentConfirmed(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", TODAY),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q2_CHAIR_CEO_CONFIRMED),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q4_SENIOR_CONFIRMED));
    }

    @Test
    void confirming_the_designate_chief_executive_after_the_chair_completes_the_confirmation_milestone() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        secondReading(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley")))
                .when(confirm(KENT_AND_MEDWAY, CHIEF_EXECUTIVE))
                .expectEvents(
                        new DesignateAppointmentConfirmed(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley", TODAY),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q2_CHAIR_CEO_CONFIRMED));
    }

    @Test
    void the_confirmation_milestone_reopens_as_derived_when_the_designate_chief_executive_withdraws() {
        fixture.givenCommands(steps(openKentAndMedway(), chairAndChiefExecutive(KENT_AND_MEDWAY)))
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Took up another post", null))
                .expectEvents(
                        new CandidateWithdrawn(
                                KENT_AND_MEDWAY,
                                CHIEF_EXECUTIVE,
                                "Paul Bentley",
                                AppointmentStatus.DESIGNATE_CONFIRMED,
                                "Took up another post"),
                        reopened(KENT_AND_MEDWAY, MilestoneCode.Q2_CHAIR_CEO_CONFIRMED));
    }

    @Test
    void the_confirmation_milestone_reopens_as_derived_when_the_designate_chair_withdraws() {
        fixture.givenCommands(steps(openKentAndMedway(), chairAndChiefExecutive(KENT_AND_MEDWAY)))
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, CHAIR, "Ill health", null))
                .expectEvents(
                        new CandidateWithdrawn(
                                KENT_AND_MEDWAY,
                                CHAIR,
                                "Cedi Frederick",
                                AppointmentStatus.DESIGNATE_CONFIRMED,
                                "Ill health"),
                        reopened(KENT_AND_MEDWAY, MilestoneCode.Q2_CHAIR_CEO_CONFIRMED));
    }

    @Test
    void a_reopened_confirmation_milestone_completes_again_when_a_new_designate_is_confirmed() {
        clock.setToday(LocalDate.of(2021, 9, 1));
        var given = fixture.givenCommands(steps(
                openKentAndMedway(),
                chairAndChiefExecutive(KENT_AND_MEDWAY),
                new WithdrawCandidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Took up another post", null),
                candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Interim Chief Executive")));
        clock.setToday(TODAY);

        given.when(confirm(KENT_AND_MEDWAY, CHIEF_EXECUTIVE))
                .expectEvents(
                        new DesignateAppointmentConfirmed(
                                KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Interim Chief Executive", TODAY),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q2_CHAIR_CEO_CONFIRMED));
    }

    // ---------------------------------------------------------------- Q2-DUE-DILIGENCE-PLANNING

    @Test
    void starting_due_diligence_planning_starts_and_completes_the_planning_milestone_at_once() {
        fixture.givenCommands(openKentAndMedway())
                .when(new StartDueDiligencePlanning(KENT_AND_MEDWAY, null))
                .expectEvents(
                        new DueDiligencePlanningStarted(KENT_AND_MEDWAY, TODAY),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q2_DUE_DILIGENCE_PLANNING),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q2_DUE_DILIGENCE_PLANNING));
    }

    // ---------------------------------------------------------------- Q3-EXECUTIVES-RECRUITED

    @Test
    void recruiting_two_of_the_three_executive_directors_does_not_complete_the_executive_recruitment_milestone() {
        fixture.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, FINANCE_DIRECTOR))
                .when(recruit(KENT_AND_MEDWAY, MEDICAL_DIRECTOR))
                .expectEvents(new RecruitmentStarted(
                        KENT_AND_MEDWAY,
                        MEDICAL_DIRECTOR,
                        MEDICAL_DIRECTOR.role().process()));
    }

    @Test
    void recruiting_the_first_executive_director_starts_the_executive_recruitment_milestone() {
        fixture.givenCommands(openKentAndMedway())
                .when(recruit(KENT_AND_MEDWAY, FINANCE_DIRECTOR))
                .expectEvents(
                        new RecruitmentStarted(KENT_AND_MEDWAY, FINANCE_DIRECTOR, RecruitmentProcess.LOCAL),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q3_EXECUTIVES_RECRUITED),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q4_SENIOR_RECRUITED));
    }

    @Test
    void recruiting_the_third_executive_director_completes_the_executive_recruitment_milestone() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, FINANCE_DIRECTOR),
                        recruit(KENT_AND_MEDWAY, MEDICAL_DIRECTOR))
                .when(recruit(KENT_AND_MEDWAY, DIRECTOR_OF_NURSING))
                .expectEvents(
                        new RecruitmentStarted(
                                KENT_AND_MEDWAY,
                                DIRECTOR_OF_NURSING,
                                DIRECTOR_OF_NURSING.role().process()),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q3_EXECUTIVES_RECRUITED));
    }

    // ---------------------------------------------------------------- Q3-EXECUTIVES-CONFIRMED

    @Test
    void two_of_the_three_executive_directors_confirmed_do_not_complete_the_executive_confirmation_milestone() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Finance Director"),
                        recruit(KENT_AND_MEDWAY, MEDICAL_DIRECTOR),
                        candidate(KENT_AND_MEDWAY, MEDICAL_DIRECTOR, "Medical Director")))
                .when(confirm(KENT_AND_MEDWAY, MEDICAL_DIRECTOR))
                .expectEvents(new DesignateAppointmentConfirmed(
                        KENT_AND_MEDWAY, MEDICAL_DIRECTOR, "Medical Director", TODAY));
    }

    @Test
    void confirming_the_third_executive_director_completes_the_executive_confirmation_milestone() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Finance Director"),
                        designate(KENT_AND_MEDWAY, MEDICAL_DIRECTOR, "Medical Director"),
                        recruit(KENT_AND_MEDWAY, DIRECTOR_OF_NURSING),
                        candidate(KENT_AND_MEDWAY, DIRECTOR_OF_NURSING, "Director of Nursing")))
                .when(confirm(KENT_AND_MEDWAY, DIRECTOR_OF_NURSING))
                .expectEvents(
                        new DesignateAppointmentConfirmed(
                                KENT_AND_MEDWAY, DIRECTOR_OF_NURSING, "Director of Nursing", TODAY),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q3_EXECUTIVES_CONFIRMED));
    }

    @Test
    void the_executive_confirmation_milestone_reopens_when_an_executive_director_withdraws() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Finance Director"),
                        designate(KENT_AND_MEDWAY, MEDICAL_DIRECTOR, "Medical Director"),
                        designate(KENT_AND_MEDWAY, DIRECTOR_OF_NURSING, "Director of Nursing")))
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Withdrew before starting", null))
                .expectEvents(
                        new CandidateWithdrawn(
                                KENT_AND_MEDWAY,
                                FINANCE_DIRECTOR,
                                "Finance Director",
                                AppointmentStatus.DESIGNATE_CONFIRMED,
                                "Withdrew before starting"),
                        reopened(KENT_AND_MEDWAY, MilestoneCode.Q3_EXECUTIVES_CONFIRMED));
    }

    // ---------------------------------------------------------------- Q3-CONSTITUTION-ENGAGEMENT

    @Test
    void opening_engagement_starts_the_engagement_milestone_without_completing_it() {
        fixture.givenCommands(openKentAndMedway(), new RecordConstitutionDraft(KENT_AND_MEDWAY, "KM-v1", null, null))
                .when(new OpenConstitutionEngagement(KENT_AND_MEDWAY, null))
                .expectEvents(
                        new ConstitutionEngagementOpened(KENT_AND_MEDWAY, 1, TODAY),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q3_CONSTITUTION_ENGAGEMENT));
    }

    @Test
    void closing_engagement_completes_the_engagement_milestone() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new RecordConstitutionDraft(KENT_AND_MEDWAY, "KM-v1", null, null),
                        new OpenConstitutionEngagement(KENT_AND_MEDWAY, null))
                .when(new CloseConstitutionEngagement(KENT_AND_MEDWAY, null))
                .expectEvents(
                        new ConstitutionEngagementClosed(KENT_AND_MEDWAY, 1, TODAY),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q3_CONSTITUTION_ENGAGEMENT));
    }

    @Test
    void the_engagement_milestone_stays_complete_when_the_constitution_is_returned() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        minimumBoard(KENT_AND_MEDWAY),
                        constitutionReadyToSubmit(KENT_AND_MEDWAY),
                        new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null)))
                .when(new ReturnConstitution(KENT_AND_MEDWAY, "Clarify the place-based committees", null))
                .expectEvents(
                        new ConstitutionReturned(KENT_AND_MEDWAY, 1, "Clarify the place-based committees"),
                        reopened(KENT_AND_MEDWAY, MilestoneCode.Q4_CONSTITUTION_SUBMITTED));
    }

    @Test
    void the_engagement_milestone_stays_complete_while_engagement_runs_again_on_a_redrafted_constitution() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        minimumBoard(KENT_AND_MEDWAY),
                        constitutionReadyToSubmit(KENT_AND_MEDWAY),
                        new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null),
                        new ReturnConstitution(KENT_AND_MEDWAY, "Clarify the place-based committees", null),
                        new RecordConstitutionDraft(KENT_AND_MEDWAY, "KM-CONST-v2", null, null)))
                .when(new OpenConstitutionEngagement(KENT_AND_MEDWAY, null))
                .expectEvents(new ConstitutionEngagementOpened(KENT_AND_MEDWAY, 2, TODAY));
    }

    // ---------------------------------------------------------------- Q4-SENIOR-RECRUITED

    private static List<Object> recruitmentToEverySeatBut(BoardSeat last) {
        List<Object> commands = steps(openKentAndMedway());
        for (BoardSeat seat : List.of(
                CHAIR,
                CHIEF_EXECUTIVE,
                FINANCE_DIRECTOR,
                MEDICAL_DIRECTOR,
                DIRECTOR_OF_NURSING,
                NED_1,
                NED_2,
                TRUST_PARTNER,
                PRIMARY_CARE_PARTNER,
                LOCAL_AUTHORITY_PARTNER)) {
            if (!seat.equals(last)) {
                commands.add(recruit(KENT_AND_MEDWAY, seat));
            }
        }
        return commands;
    }

    @Test
    void one_board_seat_still_vacant_keeps_the_senior_recruitment_milestone_open() {
        List<Object> nineSeats = recruitmentToEverySeatBut(LOCAL_AUTHORITY_PARTNER);
        Object ninth = nineSeats.remove(nineSeats.size() - 1);
        fixture.givenCommands(nineSeats)
                .when(ninth)
                .expectEvents(new RecruitmentStarted(
                        KENT_AND_MEDWAY,
                        PRIMARY_CARE_PARTNER,
                        PRIMARY_CARE_PARTNER.role().process()));
    }

    @Test
    void recruitment_to_the_last_vacant_board_seat_completes_the_senior_recruitment_milestone() {
        fixture.givenCommands(recruitmentToEverySeatBut(LOCAL_AUTHORITY_PARTNER))
                .when(recruit(KENT_AND_MEDWAY, LOCAL_AUTHORITY_PARTNER))
                .expectEvents(
                        new RecruitmentStarted(
                                KENT_AND_MEDWAY,
                                LOCAL_AUTHORITY_PARTNER,
                                LOCAL_AUTHORITY_PARTNER.role().process()),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q4_SENIOR_RECRUITED));
    }

    // ---------------------------------------------------------------- Q4-SENIOR-CONFIRMED

    @Test
    void confirming_the_last_member_of_the_minimum_board_completes_the_senior_confirmation_milestone() {
        List<Object> board = minimumBoard(KENT_AND_MEDWAY);
        Object lastConfirmation = board.remove(board.size() - 1);
        fixture.givenCommands(steps(openKentAndMedway(), board))
                .when(lastConfirmation)
                .expectEvents(
                        new DesignateAppointmentConfirmed(
                                KENT_AND_MEDWAY, LOCAL_AUTHORITY_PARTNER, "Local Authority Partner", TODAY),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q4_SENIOR_CONFIRMED));
    }

    @Test
    void ten_designates_without_mental_health_expertise_do_not_complete_the_senior_confirmation_milestone() {
        List<Object> board = minimumBoard(KENT_AND_MEDWAY);
        board.replaceAll(command -> command instanceof NamePreferredCandidate named && named.mentalHealthExpertise()
                ? new NamePreferredCandidate(
                        named.icsCode(), named.seat(), named.candidateName(), List.of(), false, null)
                : command);
        Object lastConfirmation = board.remove(board.size() - 1);
        fixture.givenCommands(steps(openKentAndMedway(), board))
                .when(lastConfirmation)
                .expectEvents(new DesignateAppointmentConfirmed(
                        KENT_AND_MEDWAY, LOCAL_AUTHORITY_PARTNER, "Local Authority Partner", TODAY));
    }

    @Test
    void the_senior_confirmation_milestone_reopens_as_derived_when_an_independent_non_executive_withdraws() {
        fixture.givenCommands(steps(openKentAndMedway(), minimumBoard(KENT_AND_MEDWAY)))
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, NED_1, "Conflict of interest arose", null))
                .expectEvents(
                        new CandidateWithdrawn(
                                KENT_AND_MEDWAY,
                                NED_1,
                                "Independent Member One",
                                AppointmentStatus.DESIGNATE_CONFIRMED,
                                "Conflict of interest arose"),
                        reopened(KENT_AND_MEDWAY, MilestoneCode.Q4_SENIOR_CONFIRMED));
    }

    // ---------------------------------------------------------------- Q4-DUE-DILIGENCE-COMPLETE

    private static SignOffDueDiligence accountableOfficer(IcsCode ics, CcgCode ccg) {
        return new SignOffDueDiligence(
                ics, "Accountable Officer of " + ccg, SignOffCapacity.CCG_ACCOUNTABLE_OFFICER, ccg, null);
    }

    private static SignOffDueDiligence chiefExecutive(IcsCode ics) {
        return new SignOffDueDiligence(ics, "Paul Bentley", SignOffCapacity.DESIGNATE_CHIEF_EXECUTIVE, null, null);
    }

    @Test
    void due_diligence_signed_off_without_the_transfer_scheme_agreed_does_not_complete_the_due_diligence_milestone() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG)))
                .when(chiefExecutive(KENT_AND_MEDWAY))
                .expectEvents(
                        new DueDiligenceSignedOff(
                                KENT_AND_MEDWAY, "Paul Bentley", SignOffCapacity.DESIGNATE_CHIEF_EXECUTIVE, null),
                        new DueDiligenceCompleted(KENT_AND_MEDWAY, TODAY));
    }

    @Test
    void the_transfer_scheme_agreed_without_due_diligence_signed_off_only_starts_the_due_diligence_milestone() {
        fixture.givenCommands(openKentAndMedway())
                .when(new NoteTransferSchemeAgreed(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG, TODAY))
                .expectEvents(
                        new TransferSchemeAgreementNoted(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG, TODAY),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q4_DUE_DILIGENCE_COMPLETE));
    }

    @Test
    void the_last_sign_off_completes_the_due_diligence_milestone_when_the_scheme_is_already_agreed() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        new NoteTransferSchemeAgreed(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG, TODAY),
                        accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG)))
                .when(chiefExecutive(KENT_AND_MEDWAY))
                .expectEvents(
                        new DueDiligenceSignedOff(
                                KENT_AND_MEDWAY, "Paul Bentley", SignOffCapacity.DESIGNATE_CHIEF_EXECUTIVE, null),
                        new DueDiligenceCompleted(KENT_AND_MEDWAY, TODAY),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q4_DUE_DILIGENCE_COMPLETE));
    }

    @Test
    void the_scheme_agreed_after_sign_off_completes_the_due_diligence_milestone() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG),
                        chiefExecutive(KENT_AND_MEDWAY)))
                .when(new NoteTransferSchemeAgreed(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG, TODAY))
                .expectEvents(
                        new TransferSchemeAgreementNoted(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG, TODAY),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q4_DUE_DILIGENCE_COMPLETE));
    }

    @Test
    void a_scheme_agreed_earlier_than_the_news_arrives_completes_the_milestone_on_the_day_it_was_agreed() {
        LocalDate agreedOn = TODAY.minusDays(3);
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG),
                        chiefExecutive(KENT_AND_MEDWAY)))
                .when(new NoteTransferSchemeAgreed(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG, agreedOn))
                .expectEvents(
                        new TransferSchemeAgreementNoted(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG, agreedOn),
                        new MilestoneCompleted(
                                KENT_AND_MEDWAY, MilestoneCode.Q4_DUE_DILIGENCE_COMPLETE, agreedOn, List.of(), true));
    }

    private static List<Object> derbyshireSignedOff() {
        return steps(
                openDerbyshire(),
                chairAndChiefExecutive(DERBYSHIRE),
                dueDiligenceReadyToSignOff(DERBYSHIRE),
                accountableOfficer(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG),
                accountableOfficer(DERBYSHIRE, DERBY_AND_DERBYSHIRE_CCG),
                chiefExecutive(DERBYSHIRE));
    }

    @Test
    void one_of_two_predecessor_schemes_agreed_does_not_complete_the_due_diligence_milestone() {
        fixture.givenCommands(derbyshireSignedOff())
                .when(new NoteTransferSchemeAgreed(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG, TODAY))
                .expectEvents(new TransferSchemeAgreementNoted(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG, TODAY));
    }

    @Test
    void the_second_of_two_predecessor_schemes_agreed_completes_the_due_diligence_milestone() {
        fixture.givenCommands(steps(
                        derbyshireSignedOff(),
                        new NoteTransferSchemeAgreed(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG, TODAY)))
                .when(new NoteTransferSchemeAgreed(DERBYSHIRE, DERBY_AND_DERBYSHIRE_CCG, TODAY))
                .expectEvents(
                        new TransferSchemeAgreementNoted(DERBYSHIRE, DERBY_AND_DERBYSHIRE_CCG, TODAY),
                        completed(DERBYSHIRE, MilestoneCode.Q4_DUE_DILIGENCE_COMPLETE));
    }

    @Test
    void both_schemes_agreed_and_only_one_predecessor_signed_does_not_complete_the_due_diligence_milestone() {
        fixture.givenCommands(steps(
                        openDerbyshire(),
                        chairAndChiefExecutive(DERBYSHIRE),
                        dueDiligenceReadyToSignOff(DERBYSHIRE),
                        new NoteTransferSchemeAgreed(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG, TODAY),
                        new NoteTransferSchemeAgreed(DERBYSHIRE, DERBY_AND_DERBYSHIRE_CCG, TODAY),
                        accountableOfficer(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG)))
                .when(chiefExecutive(DERBYSHIRE))
                .expectEvents(new DueDiligenceSignedOff(
                        DERBYSHIRE, "Paul Bentley", SignOffCapacity.DESIGNATE_CHIEF_EXECUTIVE, null));
    }

    @Test
    void both_schemes_agreed_and_the_last_predecessor_signing_completes_the_due_diligence_milestone() {
        fixture.givenCommands(steps(
                        openDerbyshire(),
                        chairAndChiefExecutive(DERBYSHIRE),
                        dueDiligenceReadyToSignOff(DERBYSHIRE),
                        new NoteTransferSchemeAgreed(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG, TODAY),
                        new NoteTransferSchemeAgreed(DERBYSHIRE, DERBY_AND_DERBYSHIRE_CCG, TODAY),
                        accountableOfficer(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG),
                        chiefExecutive(DERBYSHIRE)))
                .when(accountableOfficer(DERBYSHIRE, DERBY_AND_DERBYSHIRE_CCG))
                .expectEvents(
                        new DueDiligenceSignedOff(
                                DERBYSHIRE,
                                "Accountable Officer of 15M",
                                SignOffCapacity.CCG_ACCOUNTABLE_OFFICER,
                                DERBY_AND_DERBYSHIRE_CCG),
                        new DueDiligenceCompleted(DERBYSHIRE, TODAY),
                        completed(DERBYSHIRE, MilestoneCode.Q4_DUE_DILIGENCE_COMPLETE));
    }

    @Test
    void a_scheme_agreed_for_a_ccg_that_is_not_a_predecessor_changes_nothing() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG),
                        chiefExecutive(KENT_AND_MEDWAY)))
                .when(new NoteTransferSchemeAgreed(KENT_AND_MEDWAY, DERBY_AND_DERBYSHIRE_CCG, TODAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_scheme_agreement_heard_twice_changes_nothing_the_second_time() {
        fixture.givenCommands(
                        openKentAndMedway(), new NoteTransferSchemeAgreed(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG, TODAY))
                .when(new NoteTransferSchemeAgreed(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG, TODAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- Q4-CONSTITUTION-SUBMITTED

    @Test
    void recording_the_first_draft_starts_the_submission_milestone() {
        fixture.givenCommands(openKentAndMedway())
                .when(new RecordConstitutionDraft(KENT_AND_MEDWAY, "KM-CONST-v1", null, null))
                .expectEvents(
                        new ConstitutionDraftRecorded(KENT_AND_MEDWAY, 1, "KM-CONST-v1", null),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q4_CONSTITUTION_SUBMITTED));
    }

    @Test
    void submitting_the_constitution_completes_the_submission_milestone() {
        fixture.givenCommands(steps(
                        openKentAndMedway(), minimumBoard(KENT_AND_MEDWAY), constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null))
                .expectEvents(
                        new ConstitutionSubmitted(KENT_AND_MEDWAY, 1, List.of(), TODAY),
                        completed(KENT_AND_MEDWAY, MilestoneCode.Q4_CONSTITUTION_SUBMITTED));
    }

    @Test
    void the_submission_milestone_reopens_as_derived_when_the_constitution_is_returned() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        minimumBoard(KENT_AND_MEDWAY),
                        constitutionReadyToSubmit(KENT_AND_MEDWAY),
                        new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null)))
                .when(new ReturnConstitution(KENT_AND_MEDWAY, "Clarify the place-based committees", null))
                .expectEvents(
                        new ConstitutionReturned(KENT_AND_MEDWAY, 1, "Clarify the place-based committees"),
                        reopened(KENT_AND_MEDWAY, MilestoneCode.Q4_CONSTITUTION_SUBMITTED));
    }

    @Test
    void the_submission_milestone_stays_complete_when_the_constitution_is_approved() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        minimumBoard(KENT_AND_MEDWAY),
                        constitutionReadyToSubmit(KENT_AND_MEDWAY),
                        new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null)))
                .when(new ApproveConstitution(KENT_AND_MEDWAY, null, null))
                .expectEvents(new ConstitutionApproved(KENT_AND_MEDWAY, 1, null, TODAY));
    }

    // ---------------------------------------------------------------- Q4-MOU-AGREED

    @Test
    void drafting_the_mou_starts_the_mou_milestone_without_completing_it() {
        fixture.givenCommands(openKentAndMedway())
                .when(new DraftMou(KENT_AND_MEDWAY, "KM-MOU-2022-23-v1", null))
                .expectEvents(
                        new MouDrafted(KENT_AND_MEDWAY, "KM-MOU-2022-23-v1"),
                        started(KENT_AND_MEDWAY, MilestoneCode.Q4_MOU_AGREED));
    }

    @Test
    void agreeing_the_mou_completes_the_mou_milestone() {
        fixture.givenCommands(openKentAndMedway(), new DraftMou(KENT_AND_MEDWAY, "KM-MOU-2022-23-v1", null))
                .when(new AgreeMou(KENT_AND_MEDWAY, null))
                .expectEvents(
                        new MouAgreed(KENT_AND_MEDWAY, TODAY), completed(KENT_AND_MEDWAY, MilestoneCode.Q4_MOU_AGREED));
    }

    // ---------------------------------------------------------------- helpers

    private static MilestoneStarted started(IcsCode ics, MilestoneCode milestone) {
        return new MilestoneStarted(ics, milestone, true);
    }

    private static MilestoneCompleted completed(IcsCode ics, MilestoneCode milestone) {
        return new MilestoneCompleted(ics, milestone, TODAY, List.of(), true);
    }

    private static MilestoneReopened reopened(IcsCode ics, MilestoneCode milestone) {
        return new MilestoneReopened(
                ics, milestone, "no longer true: " + milestone.completingFacts().orElseThrow(), true);
    }

    // ---------------------------------------------------------------- one source for each rule

    /**
     * The catalogue's words for what completes each milestone (the API and the refusals quote them) are the words of
     * the rule that derives it, and a milestone is derived exactly when it has a rule.
     */
    @ParameterizedTest
    @EnumSource(MilestoneCode.class)
    void the_catalogue_says_what_the_rule_checks(MilestoneCode milestone) {
        assertThat(milestone.completingFacts()).isEqualTo(DerivedMilestones.completesWhen(milestone));
        assertThat(DerivedMilestones.derived().contains(milestone))
                .isEqualTo(milestone.kind() == MilestoneKind.DERIVED);
    }
}
