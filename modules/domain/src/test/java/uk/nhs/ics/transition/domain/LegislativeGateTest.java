package uk.nhs.ics.transition.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.nhs.ics.transition.domain.IcsScenario.CHAIR;
import static uk.nhs.ics.transition.domain.IcsScenario.CHIEF_EXECUTIVE;
import static uk.nhs.ics.transition.domain.IcsScenario.ESTABLISHED_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.FINANCE_DIRECTOR;
import static uk.nhs.ics.transition.domain.IcsScenario.INTRODUCED_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY;
import static uk.nhs.ics.transition.domain.IcsScenario.KENT_AND_MEDWAY_CCG;
import static uk.nhs.ics.transition.domain.IcsScenario.LOCAL_AUTHORITY_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.NED_1;
import static uk.nhs.ics.transition.domain.IcsScenario.NED_2;
import static uk.nhs.ics.transition.domain.IcsScenario.PRIMARY_CARE_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.ROYAL_ASSENT_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.SECOND_READING_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.THIRD_READING_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.TRUST_PARTNER;
import static uk.nhs.ics.transition.domain.IcsScenario.candidate;
import static uk.nhs.ics.transition.domain.IcsScenario.confirm;
import static uk.nhs.ics.transition.domain.IcsScenario.constitutionReadyToSubmit;
import static uk.nhs.ics.transition.domain.IcsScenario.designate;
import static uk.nhs.ics.transition.domain.IcsScenario.dueDiligenceReadyToSignOff;
import static uk.nhs.ics.transition.domain.IcsScenario.openKentAndMedway;
import static uk.nhs.ics.transition.domain.IcsScenario.recruit;
import static uk.nhs.ics.transition.domain.IcsScenario.royalAssent;
import static uk.nhs.ics.transition.domain.IcsScenario.secondReading;
import static uk.nhs.ics.transition.domain.IcsScenario.steps;
import static uk.nhs.ics.transition.domain.Produced.besidesDerived;
import static uk.nhs.ics.transition.domain.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import uk.nhs.ics.transition.messages.ccg.AbolishCcg;
import uk.nhs.ics.transition.messages.ccg.AddTransferItem;
import uk.nhs.ics.transition.messages.ccg.AgreeTransferScheme;
import uk.nhs.ics.transition.messages.ccg.CcgAbolished;
import uk.nhs.ics.transition.messages.ccg.CcgEstablishmentDateNoted;
import uk.nhs.ics.transition.messages.ccg.CcgLegislativeMilestoneNoted;
import uk.nhs.ics.transition.messages.ccg.EffectTransferScheme;
import uk.nhs.ics.transition.messages.ccg.NoteCcgEstablishmentDate;
import uk.nhs.ics.transition.messages.ccg.NoteCcgLegislativeMilestone;
import uk.nhs.ics.transition.messages.ccg.NoteReceivingChiefExecutive;
import uk.nhs.ics.transition.messages.ccg.RegisterCcg;
import uk.nhs.ics.transition.messages.ccg.SchemeParty;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeEffected;
import uk.nhs.ics.transition.messages.ccg.TransferSchemePartyAgreed;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.messages.ics.AppointmentMadeSubstantive;
import uk.nhs.ics.transition.messages.ics.BoardGap;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.ConstitutionSubmitted;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignedOff;
import uk.nhs.ics.transition.messages.ics.IcsEstablishmentDateNoted;
import uk.nhs.ics.transition.messages.ics.IcsLegislativeMilestoneNoted;
import uk.nhs.ics.transition.messages.ics.MakeAppointmentSubstantive;
import uk.nhs.ics.transition.messages.ics.NoteEstablishmentDate;
import uk.nhs.ics.transition.messages.ics.NoteLegislativeMilestone;
import uk.nhs.ics.transition.messages.ics.PreferredCandidateNamed;
import uk.nhs.ics.transition.messages.ics.RecruitmentProcess;
import uk.nhs.ics.transition.messages.ics.RecruitmentStarted;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;
import uk.nhs.ics.transition.messages.ics.SignOffDueDiligence;
import uk.nhs.ics.transition.messages.ics.SubmitConstitution;

/**
 * The programme must not act as though the law is already made:
 *
 * <ul>
 *   <li>designate confirmation of the {@code CHAIR} and the {@code CHIEF_EXECUTIVE} is refused until the Bill's
 *       second reading has been noted; no other role is gated by law (only by the order of appointment);
 *   <li>a {@code SUBSTANTIVE} appointment, the effecting of a CCG transfer scheme and the abolition of a CCG are
 *       refused until Royal Assent has been noted and the establishment date in force has arrived; a relayed
 *       establishment date moves that gate;
 *   <li>everything else (recruitment, preferred candidates, due diligence, submitting the constitution with its
 *       gaps named, agreeing a transfer scheme) may happen before the law is made;
 *   <li>hearing the same stage of the Bill, or the same establishment date, again changes nothing.
 * </ul>
 *
 * The aggregates are package-private in their own packages, so their fixtures are made from the class names.
 */
class LegislativeGateTest {

    private static final LocalDate BEFORE_THE_SECOND_READING = LocalDate.of(2021, 7, 1);
    private static final LocalDate DAY_BEFORE_ESTABLISHMENT = ESTABLISHED_ON.minusDays(1);
    /** After Royal Assent and the first baseline's establishment date, before the re-baselined one. */
    private static final LocalDate MAY_2022 = LocalDate.of(2022, 5, 3);

    private final MutableClock clock = new MutableClock(BEFORE_THE_SECOND_READING);
    private FixtureConfiguration<?> ics;
    private FixtureConfiguration<?> ccg;

    @BeforeEach
    void setUp() throws ClassNotFoundException {
        ics = fixtureOf(Class.forName("uk.nhs.ics.transition.domain.ics.IcsTransition"));
        ics.registerInjectableResource(clock);
        ccg = fixtureOf(Class.forName("uk.nhs.ics.transition.domain.ccg.CcgTransfer"));
        ccg.registerInjectableResource(clock);
    }

    // ---------------------------------------------------------------- the gate on its own

    @Test
    void the_gate_is_closed_to_designate_chairs_until_it_knows_of_the_second_reading() {
        LegislativeGate gate = new LegislativeGate(Programme.JUNE_2021_BASELINE.establishmentDate());
        assertThat(
                closed(() -> gate.requireSecondReading("a designate chair")),
                refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED));

        gate.on(new IcsLegislativeMilestoneNoted(KENT_AND_MEDWAY, LegislativeMilestone.INTRODUCED, INTRODUCED_ON));
        assertThat(
                closed(() -> gate.requireSecondReading("a designate chair")),
                refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED));

        gate.on(new IcsLegislativeMilestoneNoted(
                KENT_AND_MEDWAY, LegislativeMilestone.SECOND_READING, SECOND_READING_ON));
        assertDoesNotThrow(() -> gate.requireSecondReading("a designate chair"));
    }

    @Test
    void the_gate_is_closed_to_establishment_until_royal_assent_and_the_establishment_date() {
        LegislativeGate gate = new LegislativeGate(ESTABLISHED_ON);
        gate.on(new IcsLegislativeMilestoneNoted(
                KENT_AND_MEDWAY, LegislativeMilestone.SECOND_READING, SECOND_READING_ON));
        gate.on(new IcsLegislativeMilestoneNoted(
                KENT_AND_MEDWAY, LegislativeMilestone.THIRD_READING, THIRD_READING_ON));
        assertThat(
                closed(() -> gate.requireEstablishment("a substantive appointment", ESTABLISHED_ON.plusYears(1))),
                refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED));

        gate.on(new IcsLegislativeMilestoneNoted(KENT_AND_MEDWAY, LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON));
        assertThat(
                closed(() -> gate.requireEstablishment("a substantive appointment", DAY_BEFORE_ESTABLISHMENT)),
                refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED));
        assertDoesNotThrow(() -> gate.requireEstablishment("a substantive appointment", ESTABLISHED_ON));
        assertDoesNotThrow(() -> gate.requireEstablishment("a substantive appointment", ESTABLISHED_ON.plusDays(1)));
    }

    // ---------------------------------------------------------------- designate chair and chief executive

    @Test
    void a_designate_chair_is_refused_before_the_second_reading() {
        ics.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, CHAIR),
                        candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"))
                .when(confirm(KENT_AND_MEDWAY, CHAIR))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void a_designate_chair_is_refused_when_the_bill_has_only_been_introduced() {
        ics.givenCommands(
                        openKentAndMedway(),
                        new NoteLegislativeMilestone(KENT_AND_MEDWAY, LegislativeMilestone.INTRODUCED, INTRODUCED_ON),
                        recruit(KENT_AND_MEDWAY, CHAIR),
                        candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"))
                .when(confirm(KENT_AND_MEDWAY, CHAIR))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void a_designate_chair_is_confirmed_once_the_second_reading_is_noted() {
        clock.setToday(SECOND_READING_ON.plusDays(1));
        ics.givenCommands(steps(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, CHAIR),
                        candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"),
                        secondReading(KENT_AND_MEDWAY)))
                .when(confirm(KENT_AND_MEDWAY, CHAIR))
                .expectEventsMatching(besidesDerived(new DesignateAppointmentConfirmed(
                        KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", SECOND_READING_ON.plusDays(1))));
    }

    @Test
    void a_designate_chief_executive_is_refused_before_the_second_reading() {
        ics.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley"))
                .when(confirm(KENT_AND_MEDWAY, CHIEF_EXECUTIVE))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void a_designate_chief_executive_is_confirmed_after_the_second_reading() {
        clock.setToday(SECOND_READING_ON.plusDays(1));
        ics.givenCommands(steps(
                        openKentAndMedway(),
                        secondReading(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"),
                        recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE),
                        candidate(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley")))
                .when(confirm(KENT_AND_MEDWAY, CHIEF_EXECUTIVE))
                .expectEventsMatching(besidesDerived(new DesignateAppointmentConfirmed(
                        KENT_AND_MEDWAY, CHIEF_EXECUTIVE, "Paul Bentley", SECOND_READING_ON.plusDays(1))));
    }

    @Test
    void non_executive_and_partner_members_are_confirmed_designate_with_no_legislation_at_all() {
        List<BoardSeat> ungated = List.of(
                NED_1,
                NED_2,
                TRUST_PARTNER,
                PRIMARY_CARE_PARTNER,
                LOCAL_AUTHORITY_PARTNER,
                BoardSeat.numbered(BoardRole.PLACE_LEADER, 1));
        for (BoardSeat seat : ungated) {
            ics.givenCommands(
                            openKentAndMedway(),
                            recruit(KENT_AND_MEDWAY, seat),
                            candidate(KENT_AND_MEDWAY, seat, "Holder of " + seat))
                    .when(confirm(KENT_AND_MEDWAY, seat))
                    .expectEventsMatching(besidesDerived(new DesignateAppointmentConfirmed(
                            KENT_AND_MEDWAY, seat, "Holder of " + seat, BEFORE_THE_SECOND_READING)));
        }
    }

    @Test
    void an_executive_director_waits_for_the_order_of_appointment_not_for_the_law() {
        ics.givenCommands(
                        openKentAndMedway(),
                        recruit(KENT_AND_MEDWAY, FINANCE_DIRECTOR),
                        candidate(KENT_AND_MEDWAY, FINANCE_DIRECTOR, "Finance Director"))
                .when(confirm(KENT_AND_MEDWAY, FINANCE_DIRECTOR))
                .expectException(refusedWith(ErrorCode.BOARD_ORDER_VIOLATION))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- substantive appointments

    @Test
    void a_substantive_appointment_is_refused_before_royal_assent() {
        clock.setToday(ESTABLISHED_ON);
        ics.givenCommands(steps(
                        openKentAndMedway(),
                        secondReading(KENT_AND_MEDWAY),
                        new NoteLegislativeMilestone(
                                KENT_AND_MEDWAY, LegislativeMilestone.THIRD_READING, THIRD_READING_ON),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick")))
                .when(new MakeAppointmentSubstantive(KENT_AND_MEDWAY, CHAIR, null))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void a_substantive_appointment_is_refused_after_royal_assent_while_the_establishment_date_is_still_ahead() {
        clock.setToday(DAY_BEFORE_ESTABLISHMENT);
        ics.givenCommands(steps(
                        openKentAndMedway(),
                        royalAssent(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick")))
                .when(new MakeAppointmentSubstantive(KENT_AND_MEDWAY, CHAIR, null))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void a_substantive_appointment_is_made_on_the_establishment_date() {
        clock.setToday(ESTABLISHED_ON);
        ics.givenCommands(steps(
                        openKentAndMedway(),
                        royalAssent(KENT_AND_MEDWAY),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick")))
                .when(new MakeAppointmentSubstantive(KENT_AND_MEDWAY, CHAIR, null))
                .expectEvents(new AppointmentMadeSubstantive(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", ESTABLISHED_ON));
    }

    @Test
    void without_a_relayed_date_the_gate_opens_on_the_establishment_date_the_ics_was_opened_with() {
        clock.setToday(MAY_2022);
        ics.givenCommands(steps(
                        openKentAndMedway(),
                        royalAssentWithoutANewDate(),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick")))
                .when(new MakeAppointmentSubstantive(KENT_AND_MEDWAY, CHAIR, null))
                .expectEvents(new AppointmentMadeSubstantive(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", MAY_2022));
    }

    @Test
    void a_relayed_establishment_date_is_noted() {
        ics.givenCommands(openKentAndMedway())
                .when(new NoteEstablishmentDate(KENT_AND_MEDWAY, ESTABLISHED_ON))
                .expectEvents(new IcsEstablishmentDateNoted(KENT_AND_MEDWAY, ESTABLISHED_ON));
    }

    @Test
    void a_relayed_establishment_date_moves_the_gate() {
        clock.setToday(MAY_2022);
        ics.givenCommands(steps(
                        openKentAndMedway(),
                        royalAssentWithoutANewDate(),
                        designate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"),
                        new NoteEstablishmentDate(KENT_AND_MEDWAY, ESTABLISHED_ON)))
                .when(new MakeAppointmentSubstantive(KENT_AND_MEDWAY, CHAIR, null))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- CCG transfer and abolition

    @Test
    void effecting_a_transfer_is_refused_before_royal_assent() {
        clock.setToday(ESTABLISHED_ON);
        ccg.givenCommands(agreedScheme())
                .when(new EffectTransferScheme(KENT_AND_MEDWAY_CCG, null))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void effecting_a_transfer_is_refused_after_royal_assent_while_the_establishment_date_is_still_ahead() {
        clock.setToday(DAY_BEFORE_ESTABLISHMENT);
        ccg.givenCommands(steps(agreedScheme(), ccgRoyalAssent()))
                .when(new EffectTransferScheme(KENT_AND_MEDWAY_CCG, null))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void a_transfer_is_effected_on_the_establishment_date() {
        clock.setToday(ESTABLISHED_ON);
        ccg.givenCommands(steps(agreedScheme(), ccgRoyalAssent()))
                .when(new EffectTransferScheme(KENT_AND_MEDWAY_CCG, null))
                .expectEvents(new TransferSchemeEffected(KENT_AND_MEDWAY_CCG, ESTABLISHED_ON));
    }

    @Test
    void a_relayed_establishment_date_moves_the_gate_of_a_ccg() {
        clock.setToday(MAY_2022);
        List<Object> royalAssentWithoutANewDate = new ArrayList<>(ccgRoyalAssent());
        royalAssentWithoutANewDate.remove(new NoteCcgEstablishmentDate(KENT_AND_MEDWAY_CCG, ESTABLISHED_ON));

        ccg.givenCommands(steps(agreedScheme(), royalAssentWithoutANewDate))
                .when(new EffectTransferScheme(KENT_AND_MEDWAY_CCG, null))
                .expectEvents(new TransferSchemeEffected(KENT_AND_MEDWAY_CCG, MAY_2022));
        ccg.givenCommands(steps(
                        agreedScheme(),
                        royalAssentWithoutANewDate,
                        new NoteCcgEstablishmentDate(KENT_AND_MEDWAY_CCG, ESTABLISHED_ON)))
                .when(new EffectTransferScheme(KENT_AND_MEDWAY_CCG, null))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void abolishing_a_ccg_is_refused_before_royal_assent() {
        clock.setToday(ESTABLISHED_ON);
        ccg.givenCommands(agreedScheme())
                .when(new AbolishCcg(KENT_AND_MEDWAY_CCG, null))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void abolishing_a_ccg_is_refused_after_royal_assent_while_the_establishment_date_is_still_ahead() {
        clock.setToday(DAY_BEFORE_ESTABLISHMENT);
        ccg.givenCommands(steps(agreedScheme(), ccgRoyalAssent()))
                .when(new AbolishCcg(KENT_AND_MEDWAY_CCG, null))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void a_ccg_is_abolished_on_the_establishment_date_once_its_transfer_is_effected() {
        clock.setToday(ESTABLISHED_ON);
        ccg.givenCommands(steps(agreedScheme(), ccgRoyalAssent(), new EffectTransferScheme(KENT_AND_MEDWAY_CCG, null)))
                .when(new AbolishCcg(KENT_AND_MEDWAY_CCG, null))
                .expectEvents(new CcgAbolished(KENT_AND_MEDWAY_CCG, ESTABLISHED_ON));
    }

    // ---------------------------------------------------------------- what may happen before the law is made

    @Test
    void recruitment_needs_no_legislation() {
        ics.givenCommands(openKentAndMedway())
                .when(recruit(KENT_AND_MEDWAY, CHIEF_EXECUTIVE))
                .expectEventsMatching(besidesDerived(
                        new RecruitmentStarted(KENT_AND_MEDWAY, CHIEF_EXECUTIVE, RecruitmentProcess.NATIONAL)));
    }

    @Test
    void naming_a_preferred_candidate_needs_no_legislation() {
        ics.givenCommands(openKentAndMedway(), recruit(KENT_AND_MEDWAY, CHAIR))
                .when(candidate(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick"))
                .expectEventsMatching(besidesDerived(
                        new PreferredCandidateNamed(KENT_AND_MEDWAY, CHAIR, "Cedi Frederick", List.of(), false)));
    }

    @Test
    void due_diligence_is_done_and_signed_off_by_the_ccg_with_no_legislation_at_all() {
        ics.givenCommands(steps(openKentAndMedway(), dueDiligenceReadyToSignOff(KENT_AND_MEDWAY)))
                .when(new SignOffDueDiligence(
                        KENT_AND_MEDWAY,
                        "Wilf Williams",
                        SignOffCapacity.CCG_ACCOUNTABLE_OFFICER,
                        KENT_AND_MEDWAY_CCG,
                        null))
                .expectEventsMatching(besidesDerived(new DueDiligenceSignedOff(
                        KENT_AND_MEDWAY,
                        "Wilf Williams",
                        SignOffCapacity.CCG_ACCOUNTABLE_OFFICER,
                        KENT_AND_MEDWAY_CCG)));
    }

    @Test
    void a_constitution_naming_every_gap_is_submitted_with_no_legislation_at_all() {
        List<BoardGap> gaps = new ArrayList<>();
        for (BoardRole role : BoardRole.values()) {
            if (role.minimumSeats() > 0) {
                gaps.add(new BoardGap(role.name(), "To be appointed once the Bill allows"));
            }
        }
        gaps.add(new BoardGap(BoardGap.MENTAL_HEALTH_EXPERTISE, "To be sought in the partner member appointments"));

        ics.givenCommands(steps(openKentAndMedway(), constitutionReadyToSubmit(KENT_AND_MEDWAY)))
                .when(new SubmitConstitution(KENT_AND_MEDWAY, gaps, null))
                .expectEventsMatching(
                        besidesDerived(new ConstitutionSubmitted(KENT_AND_MEDWAY, 1, gaps, BEFORE_THE_SECOND_READING)));
    }

    @Test
    void a_transfer_scheme_is_agreed_with_no_legislation_at_all() {
        List<Object> history = new ArrayList<>(agreedScheme());
        Object lastAgreement = history.remove(history.size() - 1);

        ccg.givenCommands(history)
                .when(lastAgreement)
                .expectEvents(
                        new TransferSchemePartyAgreed(
                                KENT_AND_MEDWAY_CCG, SchemeParty.ics(KENT_AND_MEDWAY), "Paul Bentley"),
                        new TransferSchemeAgreed(
                                KENT_AND_MEDWAY_CCG, List.of(KENT_AND_MEDWAY), BEFORE_THE_SECOND_READING));
    }

    // ---------------------------------------------------------------- hearing the same fact twice

    @Test
    void a_stage_of_the_bill_is_noted_once() {
        ics.givenCommands(openKentAndMedway())
                .when(new NoteLegislativeMilestone(
                        KENT_AND_MEDWAY, LegislativeMilestone.SECOND_READING, SECOND_READING_ON))
                .expectEvents(new IcsLegislativeMilestoneNoted(
                        KENT_AND_MEDWAY, LegislativeMilestone.SECOND_READING, SECOND_READING_ON));
    }

    @Test
    void noting_the_same_stage_of_the_bill_twice_changes_nothing() {
        ics.givenCommands(steps(openKentAndMedway(), secondReading(KENT_AND_MEDWAY)))
                .when(new NoteLegislativeMilestone(
                        KENT_AND_MEDWAY, LegislativeMilestone.SECOND_READING, SECOND_READING_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void noting_the_establishment_date_in_force_again_changes_nothing() {
        ics.givenCommands(openKentAndMedway(), new NoteEstablishmentDate(KENT_AND_MEDWAY, ESTABLISHED_ON))
                .when(new NoteEstablishmentDate(KENT_AND_MEDWAY, ESTABLISHED_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        ics.givenCommands(openKentAndMedway())
                .when(new NoteEstablishmentDate(KENT_AND_MEDWAY, Programme.JUNE_2021_BASELINE.establishmentDate()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_ccg_notes_a_stage_of_the_bill_once() {
        ccg.givenCommands(registerKentAndMedwayCcg())
                .when(new NoteCcgLegislativeMilestone(
                        KENT_AND_MEDWAY_CCG, LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON))
                .expectEvents(new CcgLegislativeMilestoneNoted(
                        KENT_AND_MEDWAY_CCG, LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON));
        ccg.givenCommands(
                        registerKentAndMedwayCcg(),
                        new NoteCcgLegislativeMilestone(
                                KENT_AND_MEDWAY_CCG, LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON))
                .when(new NoteCcgLegislativeMilestone(
                        KENT_AND_MEDWAY_CCG, LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_ccg_notes_an_establishment_date_once() {
        ccg.givenCommands(registerKentAndMedwayCcg())
                .when(new NoteCcgEstablishmentDate(KENT_AND_MEDWAY_CCG, ESTABLISHED_ON))
                .expectEvents(new CcgEstablishmentDateNoted(KENT_AND_MEDWAY_CCG, ESTABLISHED_ON));
        ccg.givenCommands(registerKentAndMedwayCcg(), new NoteCcgEstablishmentDate(KENT_AND_MEDWAY_CCG, ESTABLISHED_ON))
                .when(new NoteCcgEstablishmentDate(KENT_AND_MEDWAY_CCG, ESTABLISHED_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- helpers

    private static <T> FixtureConfiguration<T> fixtureOf(Class<T> aggregate) {
        return new AggregateTestFixture<>(aggregate);
    }

    private static RuleViolation closed(Executable gated) {
        return assertThrows(RuleViolation.class, gated);
    }

    /** The Bill's stages to Royal Assent, with the establishment date left at the first baseline's 2022-04-01. */
    private static List<Object> royalAssentWithoutANewDate() {
        List<Object> commands = new ArrayList<>(royalAssent(KENT_AND_MEDWAY));
        commands.remove(new NoteEstablishmentDate(KENT_AND_MEDWAY, ESTABLISHED_ON));
        return commands;
    }

    private static RegisterCcg registerKentAndMedwayCcg() {
        return new RegisterCcg(
                KENT_AND_MEDWAY_CCG,
                "NHS Kent and Medway CCG",
                KENT_AND_MEDWAY,
                "E38000237",
                Programme.JUNE_2021_BASELINE.establishmentDate());
    }

    /** One item, agreed by the CCG's accountable officer and the designate chief executive of Kent and Medway. */
    private static List<Object> agreedScheme() {
        return List.of(
                registerKentAndMedwayCcg(),
                new AddTransferItem(
                        KENT_AND_MEDWAY_CCG,
                        new TransferItemDetails.Asset("IT equipment, Gillingham office", Money.pence(12_500_000)),
                        null,
                        null),
                new NoteReceivingChiefExecutive(KENT_AND_MEDWAY_CCG, KENT_AND_MEDWAY, "Paul Bentley"),
                new AgreeTransferScheme(KENT_AND_MEDWAY_CCG, SchemeParty.CCG, "Wilf Williams", null),
                new AgreeTransferScheme(KENT_AND_MEDWAY_CCG, SchemeParty.ics(KENT_AND_MEDWAY), "Paul Bentley", null));
    }

    /** The Bill's stages to Royal Assent, and the establishment date moved to 2022-07-01, as relayed to the CCG. */
    private static List<Object> ccgRoyalAssent() {
        return List.of(
                new NoteCcgLegislativeMilestone(KENT_AND_MEDWAY_CCG, LegislativeMilestone.INTRODUCED, INTRODUCED_ON),
                new NoteCcgLegislativeMilestone(
                        KENT_AND_MEDWAY_CCG, LegislativeMilestone.SECOND_READING, SECOND_READING_ON),
                new NoteCcgLegislativeMilestone(
                        KENT_AND_MEDWAY_CCG, LegislativeMilestone.THIRD_READING, THIRD_READING_ON),
                new NoteCcgLegislativeMilestone(
                        KENT_AND_MEDWAY_CCG, LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON),
                new NoteCcgEstablishmentDate(KENT_AND_MEDWAY_CCG, ESTABLISHED_ON));
    }
}
