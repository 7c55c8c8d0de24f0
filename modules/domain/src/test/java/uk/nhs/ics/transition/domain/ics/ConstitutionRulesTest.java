package uk.nhs.ics.transition.domain.ics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY;
import static uk.nhs.ics.transition.domain.IcsScenario.chairAndChiefExecutive;
import static uk.nhs.ics.transition.domain.IcsScenario.constitutionReadyToSubmit;
import static uk.nhs.ics.transition.domain.IcsScenario.minimumBoard;
import static uk.nhs.ics.transition.domain.IcsScenario.openKentAndMedway;
import static uk.nhs.ics.transition.domain.IcsScenario.steps;
import static uk.nhs.ics.transition.domain.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.domain.Produced;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.messages.ics.AddAssuranceComment;
import uk.nhs.ics.transition.messages.ics.AgreeMou;
import uk.nhs.ics.transition.messages.ics.ApproveConstitution;
import uk.nhs.ics.transition.messages.ics.AssuranceCommentAdded;
import uk.nhs.ics.transition.messages.ics.BoardGap;
import uk.nhs.ics.transition.messages.ics.CloseConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.ConstitutionApproved;
import uk.nhs.ics.transition.messages.ics.ConstitutionDraftRecorded;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementClosed;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementOpened;
import uk.nhs.ics.transition.messages.ics.ConstitutionReturned;
import uk.nhs.ics.transition.messages.ics.ConstitutionSubmitted;
import uk.nhs.ics.transition.messages.ics.DraftMou;
import uk.nhs.ics.transition.messages.ics.MilestoneCompleted;
import uk.nhs.ics.transition.messages.ics.MouAgreed;
import uk.nhs.ics.transition.messages.ics.MouDrafted;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;
import uk.nhs.ics.transition.messages.ics.OpenConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.RecordConstitutionDraft;
import uk.nhs.ics.transition.messages.ics.ReturnConstitution;
import uk.nhs.ics.transition.messages.ics.SubmitConstitution;

/**
 * The constitution goes DRAFTING → ENGAGEMENT_OPEN → ENGAGEMENT_CLOSED → SUBMITTED → APPROVED, or from SUBMITTED back
 * to DRAFTING when returned with comments. Engagement opens only on a recorded draft; draft versions count up, and
 * engagement runs again on a returned constitution's new draft; any step out of order is refused. Submission needs
 * the board to meet its minimum composition with designates, or each gap named with a plan, and nothing named that is
 * not a gap. Approval and return need a submitted constitution, and a return needs comments. The MoU is drafted (and
 * may be redrafted) until it is agreed, agreed only once drafted, and frozen once agreed. Assurance comments are
 * numbered 1, 2, ...
 */
class ConstitutionRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2022, 1, 20);

    /** Every requirement of the minimum composition unmet when only the chair and chief executive are designate. */
    private static final List<String> GAPS_WITH_CHAIR_AND_CHIEF_EXECUTIVE_ONLY = List.of(
            "INDEPENDENT_NED",
            "FINANCE_DIRECTOR",
            "DIRECTOR_OF_NURSING",
            "MEDICAL_DIRECTOR",
            "PARTNER_TRUST",
            "PARTNER_PRIMARY_CARE",
            "PARTNER_LOCAL_AUTHORITY",
            BoardGap.MENTAL_HEALTH_EXPERTISE);

    private final MutableClock clock = new MutableClock(TODAY);
    private FixtureConfiguration<IcsTransition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IcsTransition.class);
        fixture.registerInjectableResource(clock);
    }

    // ---------------------------------------------------------------- drafting and engagement

    @Test
    void the_first_draft_is_version_1() {
        fixture.givenCommands(openKentAndMedway())
                .when(draft("KM-CONST-v1"))
                .expectEventsMatching(Produced.besidesDerived(new ConstitutionDraftRecorded(
                        KENT_AND_MEDWAY, 1, "KM-CONST-v1", "Model constitution adapted locally")));
    }

    @Test
    void draft_versions_count_up_while_drafting() {
        fixture.givenCommands(openKentAndMedway(), draft("KM-CONST-v1"), draft("KM-CONST-v2"))
                .when(draft("KM-CONST-v3"))
                .expectEvents(new ConstitutionDraftRecorded(
                        KENT_AND_MEDWAY, 3, "KM-CONST-v3", "Model constitution adapted locally"));
    }

    @Test
    void engagement_cannot_open_without_a_recorded_draft() {
        fixture.givenCommands(openKentAndMedway())
                .when(new OpenConstitutionEngagement(KENT_AND_MEDWAY, null))
                .expectException(refusedWith(ErrorCode.NO_CONSTITUTION_DRAFT))
                .expectNoEvents();
    }

    @Test
    void engagement_opens_on_the_latest_draft() {
        fixture.givenCommands(openKentAndMedway(), draft("KM-CONST-v1"), draft("KM-CONST-v2"))
                .when(new OpenConstitutionEngagement(KENT_AND_MEDWAY, null))
                .expectEventsMatching(
                        Produced.besidesDerived(new ConstitutionEngagementOpened(KENT_AND_MEDWAY, 2, TODAY)));
    }

    @Test
    void engagement_cannot_be_closed_before_it_is_opened() {
        fixture.givenCommands(openKentAndMedway(), draft("KM-CONST-v1"))
                .when(new CloseConstitutionEngagement(KENT_AND_MEDWAY, null))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void engagement_cannot_be_opened_twice() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        draft("KM-CONST-v1"),
                        new OpenConstitutionEngagement(KENT_AND_MEDWAY, null))
                .when(new OpenConstitutionEngagement(KENT_AND_MEDWAY, null))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void no_new_draft_is_recorded_while_engagement_is_open() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        draft("KM-CONST-v1"),
                        new OpenConstitutionEngagement(KENT_AND_MEDWAY, null))
                .when(draft("KM-CONST-v2"))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void open_engagement_is_closed_on_the_draft_it_opened_on() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        draft("KM-CONST-v1"),
                        new OpenConstitutionEngagement(KENT_AND_MEDWAY, null))
                .when(new CloseConstitutionEngagement(KENT_AND_MEDWAY, null))
                .expectEventsMatching(
                        Produced.besidesDerived(new ConstitutionEngagementClosed(KENT_AND_MEDWAY, 1, TODAY)));
    }

    // ---------------------------------------------------------------- submission

    @Test
    void the_constitution_cannot_be_submitted_while_drafting() {
        fixture.givenCommands(steps(openKentAndMedway(), minimumBoard(KENT_AND_MEDWAY), draft("KM-CONST-v1")))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void the_constitution_cannot_be_submitted_while_engagement_is_open() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        minimumBoard(KENT_AND_MEDWAY),
                        draft("KM-CONST-v1"),
                        new OpenConstitutionEngagement(KENT_AND_MEDWAY, null)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void with_the_minimum_board_the_constitution_is_submitted_after_engagement_naming_no_gaps() {
        fixture.givenCommands(steps(
                        openKentAndMedway(), minimumBoard(KENT_AND_MEDWAY), constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null))
                .expectEventsMatching(
                        Produced.besidesDerived(new ConstitutionSubmitted(KENT_AND_MEDWAY, 1, List.of(), TODAY)));
    }

    @Test
    void with_no_designates_at_all_submission_naming_no_gaps_is_refused() {
        fixture.givenCommands(steps(openKentAndMedway(), constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null))
                .expectException(refusedWith(ErrorCode.BOARD_GAPS_NOT_NAMED, "gaps"))
                .expectNoEvents();
    }

    @Test
    void a_board_short_of_its_minimum_is_refused_unless_every_gap_is_named() {
        List<BoardGap> allButOne = gapsWithPlans(GAPS_WITH_CHAIR_AND_CHIEF_EXECUTIVE_ONLY.subList(
                0, GAPS_WITH_CHAIR_AND_CHIEF_EXECUTIVE_ONLY.size() - 1));
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, allButOne, null))
                .expectException(refusedWith(ErrorCode.BOARD_GAPS_NOT_NAMED, "gaps"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(BoardGap.MENTAL_HEALTH_EXPERTISE))
                .expectNoEvents();
    }

    @Test
    void a_board_short_of_its_minimum_is_submitted_when_every_gap_is_named_with_a_plan() {
        List<BoardGap> gaps = gapsWithPlans(GAPS_WITH_CHAIR_AND_CHIEF_EXECUTIVE_ONLY);
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, gaps, null))
                .expectEventsMatching(
                        Produced.besidesDerived(new ConstitutionSubmitted(KENT_AND_MEDWAY, 1, gaps, TODAY)));
    }

    @Test
    void a_full_board_without_mental_health_expertise_must_name_that_gap() {
        List<Object> board = minimumBoard(KENT_AND_MEDWAY);
        board.replaceAll(command -> command instanceof NamePreferredCandidate named && named.mentalHealthExpertise()
                ? new NamePreferredCandidate(
                        named.icsCode(), named.seat(), named.candidateName(), List.of(), false, null)
                : command);
        fixture.givenCommands(steps(openKentAndMedway(), board, constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null))
                .expectException(refusedWith(ErrorCode.BOARD_GAPS_NOT_NAMED, "gaps"))
                .expectNoEvents();
    }

    @Test
    void naming_a_requirement_the_minimum_board_already_meets_is_refused() {
        fixture.givenCommands(steps(
                        openKentAndMedway(), minimumBoard(KENT_AND_MEDWAY), constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new SubmitConstitution(
                        KENT_AND_MEDWAY, List.of(new BoardGap("CHAIR", "Recruit a chair in spring")), null))
                .expectException(refusedWith(ErrorCode.INVALID_INPUT, "gaps"))
                .expectNoEvents();
    }

    @Test
    void naming_something_that_is_not_a_gap_is_refused_even_beside_the_real_gaps() {
        List<BoardGap> gaps = new ArrayList<>(gapsWithPlans(GAPS_WITH_CHAIR_AND_CHIEF_EXECUTIVE_ONLY));
        gaps.add(new BoardGap("CHIEF_EXECUTIVE", "Already appointed"));
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, gaps, null))
                .expectException(refusedWith(ErrorCode.INVALID_INPUT, "gaps"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- approval and return

    @Test
    void a_constitution_cannot_be_approved_before_it_is_submitted() {
        fixture.givenCommands(steps(openKentAndMedway(), constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new ApproveConstitution(KENT_AND_MEDWAY, "Looks good", null))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_constitution_cannot_be_returned_before_it_is_submitted() {
        fixture.givenCommands(openKentAndMedway(), draft("KM-CONST-v1"))
                .when(new ReturnConstitution(KENT_AND_MEDWAY, "Not yet", null))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_submitted_constitution_is_approved_with_optional_comments() {
        fixture.givenCommands(submitted())
                .when(new ApproveConstitution(KENT_AND_MEDWAY, "Approved by the regional team", null))
                .expectEvents(new ConstitutionApproved(KENT_AND_MEDWAY, 1, "Approved by the regional team", TODAY));
    }

    @Test
    void an_approved_constitution_cannot_be_approved_again_returned_or_redrafted() {
        List<Object> approved = steps(submitted(), new ApproveConstitution(KENT_AND_MEDWAY, null, null));
        fixture.givenCommands(approved)
                .when(new ApproveConstitution(KENT_AND_MEDWAY, null, null))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
        fixture.givenCommands(approved)
                .when(new ReturnConstitution(KENT_AND_MEDWAY, "Second thoughts", null))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
        fixture.givenCommands(approved)
                .when(draft("KM-CONST-v2"))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_submitted_constitution_is_returned_with_comments() {
        fixture.givenCommands(submitted())
                .when(new ReturnConstitution(KENT_AND_MEDWAY, "Clarify the place-based committees", null))
                .expectEventsMatching(Produced.besidesDerived(
                        new ConstitutionReturned(KENT_AND_MEDWAY, 1, "Clarify the place-based committees")));
    }

    @Test
    void a_return_without_comments_cannot_even_be_asked_for() {
        RuleViolation blank =
                assertThrows(RuleViolation.class, () -> new ReturnConstitution(KENT_AND_MEDWAY, "   ", null));
        assertEquals(ErrorCode.INVALID_INPUT, blank.code());
        assertEquals("comments", blank.field());

        RuleViolation missing =
                assertThrows(RuleViolation.class, () -> new ReturnConstitution(KENT_AND_MEDWAY, null, null));
        assertEquals(ErrorCode.INVALID_INPUT, missing.code());
        assertEquals("comments", missing.field());
    }

    @Test
    void a_returned_constitution_is_back_to_drafting_and_its_next_draft_is_version_2() {
        fixture.givenCommands(steps(submitted(), returned()))
                .when(draft("KM-CONST-v2"))
                .expectEvents(new ConstitutionDraftRecorded(
                        KENT_AND_MEDWAY, 2, "KM-CONST-v2", "Model constitution adapted locally"));
    }

    @Test
    void a_returned_constitution_needs_a_revised_draft_before_engagement_opens_again() {
        fixture.givenCommands(steps(submitted(), returned()))
                .when(new OpenConstitutionEngagement(KENT_AND_MEDWAY, null))
                .expectException(refusedWith(ErrorCode.NO_CONSTITUTION_DRAFT))
                .expectNoEvents();
    }

    @Test
    void a_returned_constitution_cannot_be_resubmitted_without_engagement_running_again() {
        fixture.givenCommands(steps(submitted(), returned(), draft("KM-CONST-v2")))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null))
                .expectException(refusedWith(ErrorCode.INVALID_CONSTITUTION_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_returned_constitution_is_resubmitted_as_version_2_after_engagement_runs_again() {
        fixture.givenCommands(steps(
                        submitted(),
                        returned(),
                        draft("KM-CONST-v2"),
                        new OpenConstitutionEngagement(KENT_AND_MEDWAY, null),
                        new CloseConstitutionEngagement(KENT_AND_MEDWAY, null)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null))
                .expectEvents(
                        new ConstitutionSubmitted(KENT_AND_MEDWAY, 2, List.of(), TODAY),
                        new MilestoneCompleted(
                                KENT_AND_MEDWAY, MilestoneCode.Q4_CONSTITUTION_SUBMITTED, TODAY, List.of(), true));
    }

    // ---------------------------------------------------------------- MoU

    @Test
    void an_mou_cannot_be_agreed_before_it_is_drafted() {
        fixture.givenCommands(openKentAndMedway())
                .when(new AgreeMou(KENT_AND_MEDWAY, null))
                .expectException(refusedWith(ErrorCode.INVALID_MOU_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void an_mou_is_drafted() {
        fixture.givenCommands(openKentAndMedway())
                .when(new DraftMou(KENT_AND_MEDWAY, "KM-MOU-2022-23-v1", null))
                .expectEventsMatching(Produced.besidesDerived(new MouDrafted(KENT_AND_MEDWAY, "KM-MOU-2022-23-v1")));
    }

    @Test
    void a_drafted_mou_can_be_redrafted_until_it_is_agreed() {
        fixture.givenCommands(openKentAndMedway(), new DraftMou(KENT_AND_MEDWAY, "KM-MOU-2022-23-v1", null))
                .when(new DraftMou(KENT_AND_MEDWAY, "KM-MOU-2022-23-v2", null))
                .expectEvents(new MouDrafted(KENT_AND_MEDWAY, "KM-MOU-2022-23-v2"));
    }

    @Test
    void a_drafted_mou_is_agreed_by_the_regional_team() {
        fixture.givenCommands(openKentAndMedway(), new DraftMou(KENT_AND_MEDWAY, "KM-MOU-2022-23-v1", null))
                .when(new AgreeMou(KENT_AND_MEDWAY, null))
                .expectEventsMatching(Produced.besidesDerived(new MouAgreed(KENT_AND_MEDWAY, TODAY)));
    }

    @Test
    void an_agreed_mou_cannot_be_redrafted() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new DraftMou(KENT_AND_MEDWAY, "KM-MOU-2022-23-v1", null),
                        new AgreeMou(KENT_AND_MEDWAY, null))
                .when(new DraftMou(KENT_AND_MEDWAY, "KM-MOU-2022-23-v2", null))
                .expectException(refusedWith(ErrorCode.INVALID_MOU_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void an_agreed_mou_cannot_be_agreed_again() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new DraftMou(KENT_AND_MEDWAY, "KM-MOU-2022-23-v1", null),
                        new AgreeMou(KENT_AND_MEDWAY, null))
                .when(new AgreeMou(KENT_AND_MEDWAY, null))
                .expectException(refusedWith(ErrorCode.INVALID_MOU_TRANSITION))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- assurance comments

    @Test
    void the_first_assurance_comment_is_number_1() {
        fixture.givenCommands(openKentAndMedway())
                .when(new AddAssuranceComment(KENT_AND_MEDWAY, "Board recruitment on track", null))
                .expectEvents(new AssuranceCommentAdded(KENT_AND_MEDWAY, 1, "Board recruitment on track"));
    }

    @Test
    void assurance_comments_are_numbered_in_turn() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new AddAssuranceComment(KENT_AND_MEDWAY, "Board recruitment on track", null),
                        new AddAssuranceComment(KENT_AND_MEDWAY, "Due diligence plan received", null))
                .when(new AddAssuranceComment(KENT_AND_MEDWAY, "Constitution engagement closed", null))
                .expectEvents(new AssuranceCommentAdded(KENT_AND_MEDWAY, 3, "Constitution engagement closed"));
    }

    // ---------------------------------------------------------------- helpers

    private static RecordConstitutionDraft draft(String reference) {
        return new RecordConstitutionDraft(KENT_AND_MEDWAY, reference, "Model constitution adapted locally", null);
    }

    private static List<Object> submitted() {
        return steps(
                openKentAndMedway(),
                minimumBoard(KENT_AND_MEDWAY),
                constitutionReadyToSubmit(KENT_AND_MEDWAY),
                new SubmitConstitution(KENT_AND_MEDWAY, List.of(), null));
    }

    private static ReturnConstitution returned() {
        return new ReturnConstitution(KENT_AND_MEDWAY, "Clarify the place-based committees", null);
    }

    private static List<BoardGap> gapsWithPlans(List<String> requirements) {
        return requirements.stream()
                .map(requirement -> new BoardGap(requirement, "Recruitment closes 2022-02-28; confirm in March"))
                .toList();
    }
}
