package uk.nhs.ics.transition.domain.ics;

import static uk.nhs.ics.transition.domain.IcsScenario.CHIEF_EXECUTIVE;
import static uk.nhs.ics.transition.domain.IcsScenario.DERBYSHIRE;
import static uk.nhs.ics.transition.domain.IcsScenario.DERBY_AND_DERBYSHIRE_CCG;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY_CCG;
import static uk.nhs.ics.transition.domain.IcsScenario.TAMESIDE_AND_GLOSSOP_CCG;
import static uk.nhs.ics.transition.domain.IcsScenario.candidate;
import static uk.nhs.ics.transition.domain.IcsScenario.chairAndChiefExecutive;
import static uk.nhs.ics.transition.domain.IcsScenario.designate;
import static uk.nhs.ics.transition.domain.IcsScenario.dueDiligenceReadyToSignOff;
import static uk.nhs.ics.transition.domain.IcsScenario.openDerbyshire;
import static uk.nhs.ics.transition.domain.IcsScenario.openKentAndMedway;
import static uk.nhs.ics.transition.domain.IcsScenario.recruit;
import static uk.nhs.ics.transition.domain.IcsScenario.secondReading;
import static uk.nhs.ics.transition.domain.IcsScenario.steps;
import static uk.nhs.ics.transition.domain.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.IcsScenario;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.domain.Produced;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.AssessDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.CandidateWithdrawn;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.messages.ics.DueDiligenceCompleted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemAssessed;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemId;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemRaised;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignOffsWithdrawn;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignedOff;
import uk.nhs.ics.transition.messages.ics.RaiseDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.RiskRating;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;
import uk.nhs.ics.transition.messages.ics.SignOffDueDiligence;
import uk.nhs.ics.transition.messages.ics.StartDueDiligencePlanning;
import uk.nhs.ics.transition.messages.ics.WithdrawCandidate;

/**
 * Due diligence, one per ICS: planning starts it (once); items are raised only after planning has started, numbered
 * DD-1, DD-2, ... and assessed as ASSURED or as an ISSUE with its risk (never back to OPEN). Sign-off is refused while
 * any item is open, while any HIGH issue has no mitigation, and while any of the ten checklist areas has no item; a
 * mitigated HIGH issue or an unmitigated MEDIUM one does not block it. The accountable officer of each predecessor
 * CCG, and the designate chief executive by name (case and spacing ignored), each sign once; due diligence is complete
 * with the last required signature. Raising or reassessing an item withdraws the sign-offs given so far; once complete,
 * the items can no longer change.
 */
class DueDiligenceRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2022, 2, 21);
    private static final DueDiligenceItemId DD_1 = DueDiligenceItemId.number(1);
    private static final DueDiligenceItemId DD_3 = DueDiligenceItemId.number(3);
    private static final DueDiligenceItemId DD_11 = DueDiligenceItemId.number(11);

    private final MutableClock clock = new MutableClock(TODAY);
    private FixtureConfiguration<IcsTransition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IcsTransition.class);
        fixture.registerInjectableResource(clock);
    }

    // ---------------------------------------------------------------- planning and items

    @Test
    void due_diligence_planning_starts_only_once() {
        fixture.givenCommands(openKentAndMedway(), new StartDueDiligencePlanning(KENT_AND_MEDWAY, null))
                .when(new StartDueDiligencePlanning(KENT_AND_MEDWAY, null))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_ALREADY_STARTED))
                .expectNoEvents();
    }

    @Test
    void an_item_cannot_be_raised_before_planning_has_started() {
        fixture.givenCommands(openKentAndMedway())
                .when(raise(KENT_AND_MEDWAY, DueDiligenceArea.STAFF))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_NOT_STARTED))
                .expectNoEvents();
    }

    @Test
    void an_item_cannot_be_assessed_before_planning_has_started() {
        fixture.givenCommands(openKentAndMedway())
                .when(assured(KENT_AND_MEDWAY, DD_1))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_NOT_STARTED))
                .expectNoEvents();
    }

    @Test
    void due_diligence_cannot_be_signed_off_before_planning_has_started() {
        fixture.givenCommands(openKentAndMedway())
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_NOT_STARTED))
                .expectNoEvents();
    }

    @Test
    void the_first_item_is_dd_1_and_the_command_answers_with_its_id_and_the_new_version() {
        fixture.givenCommands(openKentAndMedway(), new StartDueDiligencePlanning(KENT_AND_MEDWAY, null))
                .when(raise(KENT_AND_MEDWAY, DueDiligenceArea.STAFF))
                .expectEvents(new DueDiligenceItemRaised(
                        KENT_AND_MEDWAY, DD_1, DueDiligenceArea.STAFF, "TUPE lists for CCG staff"))
                .expectResultMessagePayload(new CommandOutcome(4, "DD-1"));
    }

    @Test
    void the_next_item_is_dd_2() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new StartDueDiligencePlanning(KENT_AND_MEDWAY, null),
                        raise(KENT_AND_MEDWAY, DueDiligenceArea.STAFF))
                .when(new RaiseDueDiligenceItem(
                        KENT_AND_MEDWAY, DueDiligenceArea.CLAIMS, "Continuing healthcare liabilities", null))
                .expectEvents(new DueDiligenceItemRaised(
                        KENT_AND_MEDWAY,
                        DueDiligenceItemId.number(2),
                        DueDiligenceArea.CLAIMS,
                        "Continuing healthcare liabilities"))
                .expectResultMessagePayload(new CommandOutcome(5, "DD-2"));
    }

    @Test
    void assessing_an_item_that_was_never_raised_is_refused() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new StartDueDiligencePlanning(KENT_AND_MEDWAY, null),
                        raise(KENT_AND_MEDWAY, DueDiligenceArea.STAFF))
                .when(assured(KENT_AND_MEDWAY, DueDiligenceItemId.number(2)))
                .expectException(refusedWith(ErrorCode.UNKNOWN_DUE_DILIGENCE_ITEM, "itemId"))
                .expectNoEvents();
    }

    @Test
    void an_item_is_assessed_as_assured() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new StartDueDiligencePlanning(KENT_AND_MEDWAY, null),
                        raise(KENT_AND_MEDWAY, DueDiligenceArea.STAFF))
                .when(assured(KENT_AND_MEDWAY, DD_1))
                .expectEvents(
                        new DueDiligenceItemAssessed(KENT_AND_MEDWAY, DD_1, AssessmentOutcome.ASSURED, null, null));
    }

    @Test
    void an_issue_needs_a_risk_rating() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new StartDueDiligencePlanning(KENT_AND_MEDWAY, null),
                        raise(KENT_AND_MEDWAY, DueDiligenceArea.STAFF))
                .when(new AssessDueDiligenceItem(
                        KENT_AND_MEDWAY, DD_1, AssessmentOutcome.ISSUE, null, "Agree the pension position", null))
                .expectException(refusedWith(ErrorCode.ISSUE_NEEDS_RISK, "risk"))
                .expectNoEvents();
    }

    @Test
    void an_issue_is_recorded_with_its_risk_and_mitigation() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new StartDueDiligencePlanning(KENT_AND_MEDWAY, null),
                        raise(KENT_AND_MEDWAY, DueDiligenceArea.STAFF))
                .when(issue(KENT_AND_MEDWAY, DD_1, RiskRating.HIGH, "Agree the pension position"))
                .expectEvents(new DueDiligenceItemAssessed(
                        KENT_AND_MEDWAY, DD_1, AssessmentOutcome.ISSUE, RiskRating.HIGH, "Agree the pension position"));
    }

    @Test
    void an_item_cannot_be_assessed_as_open() {
        fixture.givenCommands(
                        openKentAndMedway(),
                        new StartDueDiligencePlanning(KENT_AND_MEDWAY, null),
                        raise(KENT_AND_MEDWAY, DueDiligenceArea.STAFF),
                        assured(KENT_AND_MEDWAY, DD_1))
                .when(new AssessDueDiligenceItem(KENT_AND_MEDWAY, DD_1, AssessmentOutcome.OPEN, null, null, null))
                .expectException(refusedWith(ErrorCode.INVALID_INPUT, "outcome"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- completeness before sign-off

    @Test
    void sign_off_is_refused_while_any_item_is_open() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        raise(KENT_AND_MEDWAY, DueDiligenceArea.FINANCE)))
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_INCOMPLETE))
                .expectNoEvents();
    }

    @Test
    void sign_off_is_refused_while_a_high_risk_issue_has_no_mitigation() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        issue(KENT_AND_MEDWAY, DD_3, RiskRating.HIGH, null)))
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_INCOMPLETE))
                .expectNoEvents();
    }

    @Test
    void a_blank_mitigation_is_no_mitigation_of_a_high_risk_issue() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        issue(KENT_AND_MEDWAY, DD_3, RiskRating.HIGH, "   ")))
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_INCOMPLETE))
                .expectNoEvents();
    }

    @Test
    void sign_off_is_refused_while_an_area_has_no_item() {
        List<Object> allButDigital = new ArrayList<>();
        allButDigital.add(openKentAndMedway());
        allButDigital.add(new StartDueDiligencePlanning(KENT_AND_MEDWAY, null));
        int n = 0;
        for (DueDiligenceArea area : DueDiligenceArea.values()) {
            if (area != DueDiligenceArea.DIGITAL) {
                n++;
                allButDigital.add(raise(KENT_AND_MEDWAY, area));
                allButDigital.add(assured(KENT_AND_MEDWAY, DueDiligenceItemId.number(n)));
            }
        }
        fixture.givenCommands(allButDigital)
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_INCOMPLETE))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("DIGITAL"))
                .expectNoEvents();
    }

    @Test
    void a_mitigated_high_risk_issue_does_not_block_sign_off() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        issue(KENT_AND_MEDWAY, DD_3, RiskRating.HIGH, "Quality handover agreed with the CQC")))
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Produced.besidesDerived(signedOffBy(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG)));
    }

    @Test
    void an_unmitigated_medium_risk_issue_does_not_block_sign_off() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        issue(KENT_AND_MEDWAY, DD_3, RiskRating.MEDIUM, null)))
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Produced.besidesDerived(signedOffBy(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG)));
    }

    // ---------------------------------------------------------------- who signs

    @Test
    void the_accountable_officer_of_a_ccg_that_is_not_a_predecessor_does_not_sign() {
        fixture.givenCommands(steps(openKentAndMedway(), dueDiligenceReadyToSignOff(KENT_AND_MEDWAY)))
                .when(accountableOfficer(KENT_AND_MEDWAY, DERBY_AND_DERBYSHIRE_CCG))
                .expectException(refusedWith(ErrorCode.NOT_A_SIGNATORY, "ccgCode"))
                .expectNoEvents();
    }

    @Test
    void an_accountable_officer_sign_off_must_name_the_ccg() {
        fixture.givenCommands(steps(openKentAndMedway(), dueDiligenceReadyToSignOff(KENT_AND_MEDWAY)))
                .when(new SignOffDueDiligence(
                        KENT_AND_MEDWAY, "Accountable Officer", SignOffCapacity.CCG_ACCOUNTABLE_OFFICER, null, null))
                .expectException(refusedWith(ErrorCode.NOT_A_SIGNATORY, "ccgCode"))
                .expectNoEvents();
    }

    @Test
    void the_chief_executive_capacity_needs_a_designate_chief_executive() {
        fixture.givenCommands(steps(openKentAndMedway(), dueDiligenceReadyToSignOff(KENT_AND_MEDWAY)))
                .when(chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley"))
                .expectException(refusedWith(ErrorCode.NO_DESIGNATE_CHIEF_EXECUTIVE))
                .expectNoEvents();
    }

    @Test
    void a_preferred_candidate_for_chief_executive_is_not_yet_a_designate_who_can_sign() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        secondReading(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, IcsScenario.CHAIR, "Cedi Frederick"),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley"),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY)))
                .when(chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley"))
                .expectException(refusedWith(ErrorCode.NO_DESIGNATE_CHIEF_EXECUTIVE))
                .expectNoEvents();
    }

    @Test
    void only_the_designate_chief_executive_signs_in_that_capacity() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY)))
                .when(chiefExecutive(KENT_AND_MEDWAY, "Cedi Frederick"))
                .expectException(refusedWith(ErrorCode.NOT_A_SIGNATORY, "signatory"))
                .expectNoEvents();
    }

    @Test
    void the_designate_chief_executive_is_recognised_whatever_the_case_and_spacing_of_the_name() {
        SignOffDueDiligence signOff = chiefExecutive(KENT_AND_MEDWAY, "  paul   BENTLEY ");
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY)))
                .when(signOff)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Produced.besidesDerived(new DueDiligenceSignedOff(
                        KENT_AND_MEDWAY, signOff.signatory(), SignOffCapacity.DESIGNATE_CHIEF_EXECUTIVE, null)));
    }

    @Test
    void an_accountable_officer_cannot_sign_twice() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG)))
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectException(refusedWith(ErrorCode.ALREADY_SIGNED))
                .expectNoEvents();
    }

    @Test
    void the_designate_chief_executive_cannot_sign_twice() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley")))
                .when(chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley"))
                .expectException(refusedWith(ErrorCode.ALREADY_SIGNED))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- completion

    @Test
    void in_kent_and_medway_the_accountable_officer_alone_does_not_complete_due_diligence() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY)))
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectEventsMatching(Produced.besidesDerived(signedOffBy(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG)))
                .expectEventsMatching(Produced.noneOf(DueDiligenceCompleted.class));
    }

    @Test
    void in_kent_and_medway_the_chief_executive_after_the_accountable_officer_completes_due_diligence() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG)))
                .when(chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley"))
                .expectEvents(
                        new DueDiligenceSignedOff(
                                KENT_AND_MEDWAY, "Paul Bentley", SignOffCapacity.DESIGNATE_CHIEF_EXECUTIVE, null),
                        new DueDiligenceCompleted(KENT_AND_MEDWAY, TODAY));
    }

    @Test
    void in_kent_and_medway_the_accountable_officer_after_the_chief_executive_completes_due_diligence() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley")))
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectEvents(
                        signedOffBy(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG),
                        new DueDiligenceCompleted(KENT_AND_MEDWAY, TODAY));
    }

    @Test
    void in_derbyshire_one_accountable_officer_and_the_chief_executive_do_not_complete_due_diligence() {
        fixture.givenCommands(steps(
                        openDerbyshire(),
                        chairAndChiefExecutive(DERBYSHIRE),
                        dueDiligenceReadyToSignOff(DERBYSHIRE),
                        accountableOfficer(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG)))
                .when(chiefExecutive(DERBYSHIRE, "Paul Bentley"))
                .expectEventsMatching(Produced.noneOf(DueDiligenceCompleted.class));
    }

    @Test
    void in_derbyshire_the_accountable_officers_of_both_predecessors_and_the_chief_executive_complete_due_diligence() {
        fixture.givenCommands(steps(
                        openDerbyshire(),
                        chairAndChiefExecutive(DERBYSHIRE),
                        dueDiligenceReadyToSignOff(DERBYSHIRE),
                        accountableOfficer(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG),
                        chiefExecutive(DERBYSHIRE, "Paul Bentley")))
                .when(accountableOfficer(DERBYSHIRE, DERBY_AND_DERBYSHIRE_CCG))
                .expectEventsMatching(Produced.besidesDerived(
                        signedOffBy(DERBYSHIRE, DERBY_AND_DERBYSHIRE_CCG),
                        new DueDiligenceCompleted(DERBYSHIRE, TODAY)));
    }

    // ---------------------------------------------------------------- changes after sign-off

    @Test
    void raising_an_item_after_a_partial_sign_off_withdraws_the_sign_offs_given() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG)))
                .when(new RaiseDueDiligenceItem(
                        KENT_AND_MEDWAY, DueDiligenceArea.CONTRACTS, "Late-found lease on Kent House", null))
                .expectEvents(
                        new DueDiligenceSignOffsWithdrawn(
                                KENT_AND_MEDWAY,
                                List.of("accountable officer of 91Q"),
                                "an item was raised after they were given"),
                        new DueDiligenceItemRaised(
                                KENT_AND_MEDWAY, DD_11, DueDiligenceArea.CONTRACTS, "Late-found lease on Kent House"));
    }

    @Test
    void reassessing_an_item_after_a_partial_sign_off_withdraws_the_sign_offs_given() {
        fixture.givenCommands(steps(
                        openDerbyshire(),
                        chairAndChiefExecutive(DERBYSHIRE),
                        dueDiligenceReadyToSignOff(DERBYSHIRE),
                        accountableOfficer(DERBYSHIRE, TAMESIDE_AND_GLOSSOP_CCG),
                        chiefExecutive(DERBYSHIRE, "Paul Bentley")))
                .when(issue(DERBYSHIRE, DD_3, RiskRating.LOW, "Glossop quality reports to transfer"))
                .expectEvents(
                        new DueDiligenceSignOffsWithdrawn(
                                DERBYSHIRE,
                                List.of("accountable officer of 01Y", "Paul Bentley (designate chief executive)"),
                                "an item was assessed again after they were given"),
                        new DueDiligenceItemAssessed(
                                DERBYSHIRE,
                                DD_3,
                                AssessmentOutcome.ISSUE,
                                RiskRating.LOW,
                                "Glossop quality reports to transfer"));
    }

    @Test
    void changing_items_before_anyone_has_signed_withdraws_nothing() {
        fixture.givenCommands(steps(openKentAndMedway(), dueDiligenceReadyToSignOff(KENT_AND_MEDWAY)))
                .when(raise(KENT_AND_MEDWAY, DueDiligenceArea.FINANCE))
                .expectEventsMatching(Produced.noneOf(DueDiligenceSignOffsWithdrawn.class));
    }

    @Test
    void after_sign_offs_are_withdrawn_everyone_signs_again_and_the_last_signature_completes_due_diligence() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG),
                        raise(KENT_AND_MEDWAY, DueDiligenceArea.CONTRACTS),
                        assured(KENT_AND_MEDWAY, DD_11),
                        chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley")))
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectEvents(
                        signedOffBy(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG),
                        new DueDiligenceCompleted(KENT_AND_MEDWAY, TODAY));
    }

    @Test
    void a_withdrawn_sign_off_no_longer_counts_towards_completion() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG),
                        raise(KENT_AND_MEDWAY, DueDiligenceArea.CONTRACTS),
                        assured(KENT_AND_MEDWAY, DD_11)))
                .when(chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley"))
                .expectEventsMatching(Produced.noneOf(DueDiligenceCompleted.class));
    }

    @Test
    void once_complete_no_item_can_be_raised() {
        fixture.givenCommands(kentAndMedwaySignedOff())
                .when(raise(KENT_AND_MEDWAY, DueDiligenceArea.CONTRACTS))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_SIGNED_OFF))
                .expectNoEvents();
    }

    @Test
    void once_complete_no_item_can_be_reassessed() {
        fixture.givenCommands(kentAndMedwaySignedOff())
                .when(issue(KENT_AND_MEDWAY, DD_3, RiskRating.HIGH, "Late finding"))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_SIGNED_OFF))
                .expectNoEvents();
    }

    @Test
    void once_complete_no_one_signs_again() {
        fixture.givenCommands(kentAndMedwaySignedOff())
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectException(refusedWith(ErrorCode.DUE_DILIGENCE_SIGNED_OFF))
                .expectNoEvents();
    }

    @Test
    void a_designate_chief_executive_who_withdraws_after_signing_takes_the_sign_offs_with_them() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley")))
                .when(new WithdrawCandidate(KENT_AND_MEDWAY, IcsScenario.CHIEF_EXECUTIVE, "Took up another post", null))
                .expectEventsMatching(Produced.besidesDerived(
                        new CandidateWithdrawn(
                                KENT_AND_MEDWAY,
                                IcsScenario.CHIEF_EXECUTIVE,
                                "Paul Bentley",
                                AppointmentStatus.DESIGNATE_CONFIRMED,
                                "Took up another post"),
                        new DueDiligenceSignOffsWithdrawn(
                                KENT_AND_MEDWAY,
                                List.of("Paul Bentley (designate chief executive)"),
                                "the designate chief executive who signed has withdrawn")));
    }

    @Test
    void after_the_signing_chief_executive_withdraws_the_accountable_officer_alone_does_not_complete_due_diligence() {
        fixture.givenCommands(steps(
                        openKentAndMedway(),
                        chairAndChiefExecutive(KENT_AND_MEDWAY),
                        dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                        chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley"),
                        new WithdrawCandidate(
                                KENT_AND_MEDWAY, IcsScenario.CHIEF_EXECUTIVE, "Took up another post", null)))
                .when(accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG))
                .expectEvents(signedOffBy(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG));
    }

    // ---------------------------------------------------------------- helpers

    private static List<Object> kentAndMedwaySignedOff() {
        return steps(
                openKentAndMedway(),
                chairAndChiefExecutive(KENT_AND_MEDWAY),
                dueDiligenceReadyToSignOff(KENT_AND_MEDWAY),
                accountableOfficer(KENT_AND_MEDWAY, KENT_AND_MEDWAY_CCG),
                chiefExecutive(KENT_AND_MEDWAY, "Paul Bentley"));
    }

    private static RaiseDueDiligenceItem raise(IcsCode ics, DueDiligenceArea area) {
        return new RaiseDueDiligenceItem(
                ics, area, area == DueDiligenceArea.STAFF ? "TUPE lists for CCG staff" : area.description(), null);
    }

    private static AssessDueDiligenceItem assured(IcsCode ics, DueDiligenceItemId item) {
        return new AssessDueDiligenceItem(ics, item, AssessmentOutcome.ASSURED, null, null, null);
    }

    private static AssessDueDiligenceItem issue(
            IcsCode ics, DueDiligenceItemId item, RiskRating risk, String mitigation) {
        return new AssessDueDiligenceItem(ics, item, AssessmentOutcome.ISSUE, risk, mitigation, null);
    }

    private static SignOffDueDiligence accountableOfficer(IcsCode ics, CcgCode ccg) {
        return new SignOffDueDiligence(
                ics, "Accountable Officer of " + ccg, SignOffCapacity.CCG_ACCOUNTABLE_OFFICER, ccg, null);
    }

    private static DueDiligenceSignedOff signedOffBy(IcsCode ics, CcgCode ccg) {
        return new DueDiligenceSignedOff(
                ics, "Accountable Officer of " + ccg, SignOffCapacity.CCG_ACCOUNTABLE_OFFICER, ccg);
    }

    private static SignOffDueDiligence chiefExecutive(IcsCode ics, String signatory) {
        return new SignOffDueDiligence(ics, signatory, SignOffCapacity.DESIGNATE_CHIEF_EXECUTIVE, null, null);
    }
}
