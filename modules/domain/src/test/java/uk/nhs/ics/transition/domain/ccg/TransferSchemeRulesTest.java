package uk.nhs.ics.transition.domain.ccg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.nhs.ics.transition.domain.IcsScenario.ESTABLISHED_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.INTRODUCED_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.ROYAL_ASSENT_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.SECOND_READING_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.THIRD_READING_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.steps;
import static uk.nhs.ics.transition.domain.Refusals.refusedWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.IcsScenario;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.messages.ccg.AbolishCcg;
import uk.nhs.ics.transition.messages.ccg.AddTransferItem;
import uk.nhs.ics.transition.messages.ccg.AgreeTransferScheme;
import uk.nhs.ics.transition.messages.ccg.AmendTransferItem;
import uk.nhs.ics.transition.messages.ccg.CcgAbolished;
import uk.nhs.ics.transition.messages.ccg.EffectTransferScheme;
import uk.nhs.ics.transition.messages.ccg.NoteCcgEstablishmentDate;
import uk.nhs.ics.transition.messages.ccg.NoteCcgLegislativeMilestone;
import uk.nhs.ics.transition.messages.ccg.NoteReceivingChiefExecutive;
import uk.nhs.ics.transition.messages.ccg.ReceivingChiefExecutiveNoted;
import uk.nhs.ics.transition.messages.ccg.RegisterBoundaryChange;
import uk.nhs.ics.transition.messages.ccg.RegisterCcg;
import uk.nhs.ics.transition.messages.ccg.SchemeParty;
import uk.nhs.ics.transition.messages.ccg.TransferItemAdded;
import uk.nhs.ics.transition.messages.ccg.TransferItemAmended;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemId;
import uk.nhs.ics.transition.messages.ccg.TransferItemWithdrawn;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreementsReset;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeEffected;
import uk.nhs.ics.transition.messages.ccg.TransferSchemePartyAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeVaried;
import uk.nhs.ics.transition.messages.ccg.VaryTransferScheme;
import uk.nhs.ics.transition.messages.ccg.WithdrawTransferItem;
import uk.nhs.ics.transition.messages.ccg.Wte;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * The rules of one CCG's transfer scheme, from draft to abolition, proved on Tameside and Glossop CCG (01Y, in
 * Greater Manchester QOP, whose Glossop area moves to Derbyshire QJ2) and Kent and Medway CCG (91Q, QKS, no boundary
 * change):
 *
 * <ul>
 *   <li>an item goes to the CCG's own ICS unless it names another, and it may name another only where a registered
 *       boundary change moves part of the CCG's area there;
 *   <li>items are numbered T-1, T-2, … in the order added, numbers are never reused, and an add answers with the
 *       version and the new number; only a live item can be amended or withdrawn;
 *   <li>a scheme is agreed by the CCG and by every ICS that receives at least one live item, the latter only through
 *       a noted designate chief executive; it becomes AGREED only when the last of them agrees, and no party agrees
 *       twice; any change to the draft resets the agreements given so far;
 *   <li>an agreed scheme is frozen: it changes only by a variation with a reason, recorded before the item change;
 *   <li>the transfer is effected only once agreed (and after Royal Assent and the establishment date), after which
 *       it no longer varies; the CCG is abolished only after its transfer is effected, and then refuses every command
 *       that would act on it or its scheme;
 *   <li>reference data and relayed facts are idempotent: the same boundary change or receiving chief executive heard
 *       twice changes nothing, a boundary change must start from the CCG's own ICS, and the chief executive of an ICS
 *       that cannot receive the CCG's items is not noted.
 * </ul>
 */
class TransferSchemeRulesTest {

    private static final CcgCode TAMESIDE_AND_GLOSSOP = IcsScenario.TAMESIDE_AND_GLOSSOP_CCG;
    private static final CcgCode KENT_AND_MEDWAY_CCG = IcsScenario.KENT_AND_MEDWAY_CCG;
    private static final IcsCode GREATER_MANCHESTER = IcsCode.of("QOP");
    private static final IcsCode DERBYSHIRE = IcsScenario.DERBYSHIRE;
    private static final IcsCode NOTTINGHAM_AND_NOTTINGHAMSHIRE = IcsCode.of("QT1");
    private static final IcsCode KENT_AND_MEDWAY = IcsScenario.KENT_AND_MEDWAY;

    private static final SchemeParty THE_CCG = SchemeParty.CCG;
    private static final SchemeParty GREATER_MANCHESTER_PARTY = SchemeParty.ics(GREATER_MANCHESTER);
    private static final SchemeParty DERBYSHIRE_PARTY = SchemeParty.ics(DERBYSHIRE);

    private static final TransferItemId T1 = TransferItemId.number(1);
    private static final TransferItemId T2 = TransferItemId.number(2);
    private static final TransferItemId T3 = TransferItemId.number(3);

    /** Schemes were agreed ahead of the written assurance of due diligence in early March 2022. */
    private static final LocalDate AGREED_ON = LocalDate.of(2022, 3, 1);

    private static final TransferItemDetails TAMESIDE_STAFF = new TransferItemDetails.Staff(
            "Tameside commissioning and contracting team", 48, Wte.of(new BigDecimal("43.60")));
    private static final TransferItemDetails TAMESIDE_STAFF_REVISED = new TransferItemDetails.Staff(
            "Tameside commissioning and contracting team", 47, Wte.of(new BigDecimal("42.80")));
    private static final TransferItemDetails GLOSSOP_ESTATE =
            new TransferItemDetails.Asset("Glossop primary care estate fit-out", Money.pence(12_500_000));
    private static final TransferItemDetails GLOSSOP_CLAIMS = new TransferItemDetails.Liability(
            "Continuing healthcare claims for Glossop residents", Money.pence(3_400_050));
    private static final TransferItemDetails GLOSSOP_COMMUNITY_SERVICES = new TransferItemDetails.Contract(
            "Community health services for Glossop",
            "Derbyshire Community Health Services NHS Foundation Trust",
            Money.pence(410_000_000),
            LocalDate.of(2023, 3, 31),
            true);

    private final MutableClock clock = new MutableClock(AGREED_ON);
    private FixtureConfiguration<CcgTransfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CcgTransfer.class);
        fixture.registerInjectableResource(clock);
    }

    // ---------------------------------------------------------------- limits of one item, and totals that fit

    @Test
    void an_item_worth_more_than_a_trillion_pounds_is_refused_naming_its_amount() {
        fixture.givenCommands(registerKentAndMedway())
                .when(addToKent(new TransferItemDetails.Asset("Estate", Money.pence(Money.MAX_ITEM_PENCE + 1))))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_INPUT, "valuePence"));
    }

    @Test
    void a_contract_worth_more_than_a_trillion_pounds_a_year_is_refused_naming_its_amount() {
        fixture.givenCommands(registerKentAndMedway())
                .when(addToKent(new TransferItemDetails.Contract(
                        "Everything", "Anyone", Money.pence(Long.MAX_VALUE), LocalDate.of(2023, 3, 31), false)))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_INPUT, "annualValuePence"));
    }

    @Test
    void an_item_worth_exactly_a_trillion_pounds_is_accepted() {
        TransferItemDetails most = new TransferItemDetails.Liability("Claims", Money.pence(Money.MAX_ITEM_PENCE));
        fixture.givenCommands(registerKentAndMedway())
                .when(addToKent(most))
                .expectEvents(new TransferItemAdded(KENT_AND_MEDWAY_CCG, T1, KENT_AND_MEDWAY, most));
    }

    @Test
    void a_staff_item_of_more_than_a_million_people_is_refused() {
        fixture.givenCommands(registerKentAndMedway())
                .when(addToKent(new TransferItemDetails.Staff("Everyone", 1_000_001, Wte.of(BigDecimal.ONE))))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_INPUT, "headcount"));
    }

    @Test
    void a_staff_item_of_more_than_a_million_whole_time_equivalents_is_refused() {
        fixture.givenCommands(registerKentAndMedway())
                .when(addToKent(new TransferItemDetails.Staff("Everyone", 1, Wte.of(new BigDecimal("1000000.01")))))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_INPUT, "wte"));
    }

    @Test
    void an_item_that_would_take_a_total_beyond_what_can_be_recorded_exactly_is_refused() {
        // 2,147 items of a million people make 2,147,000,000: one more would not fit in the headcount total
        TransferItemDetails millionPeople =
                new TransferItemDetails.Staff("A million", 1_000_000, Wte.of(BigDecimal.ONE));
        List<Object> given = new java.util.ArrayList<>();
        given.add(new uk.nhs.ics.transition.messages.ccg.CcgRegistered(
                KENT_AND_MEDWAY_CCG,
                "NHS Kent and Medway CCG",
                KENT_AND_MEDWAY,
                "E38000237",
                Programme.JUNE_2021_BASELINE.establishmentDate()));
        for (int i = 1; i <= 2_147; i++) {
            given.add(new TransferItemAdded(
                    KENT_AND_MEDWAY_CCG, TransferItemId.number(i), KENT_AND_MEDWAY, millionPeople));
        }

        fixture.given(given)
                .when(addToKent(millionPeople))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.TOTAL_TOO_LARGE));
    }

    // ---------------------------------------------------------------- the receiving ICS

    @Test
    void an_item_that_names_no_receiving_ics_goes_to_the_ccgs_own_ics_and_is_numbered_t_1() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire())
                .when(add(null, TAMESIDE_STAFF))
                .expectEvents(new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T1, GREATER_MANCHESTER, TAMESIDE_STAFF))
                .expectResultMessagePayload(new CommandOutcome(2, "T-1"));
    }

    @Test
    void glossop_items_may_go_to_derbyshire_once_the_boundary_change_is_registered() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire())
                .when(add(DERBYSHIRE, GLOSSOP_COMMUNITY_SERVICES))
                .expectEvents(new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T1, DERBYSHIRE, GLOSSOP_COMMUNITY_SERVICES));
    }

    @Test
    void no_item_may_go_to_derbyshire_before_the_boundary_change_is_registered() {
        fixture.givenCommands(registerTamesideAndGlossop())
                .when(add(DERBYSHIRE, GLOSSOP_ESTATE))
                .expectException(refusedWith(ErrorCode.RECEIVING_ICS_NOT_ALLOWED, "receivingIcs"))
                .expectNoEvents();
    }

    @Test
    void tameside_and_glossop_items_cannot_go_to_nottingham_and_nottinghamshire() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire())
                .when(add(NOTTINGHAM_AND_NOTTINGHAMSHIRE, GLOSSOP_ESTATE))
                .expectException(refusedWith(ErrorCode.RECEIVING_ICS_NOT_ALLOWED, "receivingIcs"))
                .expectNoEvents();
    }

    @Test
    void kent_and_medway_items_go_to_kent_and_medway_and_cannot_go_to_derbyshire() {
        TransferItemDetails kentStaff = new TransferItemDetails.Staff(
                "Kent and Medway CCG corporate staff", 612, Wte.of(new BigDecimal("571.25")));
        fixture.givenCommands(registerKentAndMedway())
                .when(new AddTransferItem(KENT_AND_MEDWAY_CCG, kentStaff, null, null))
                .expectEvents(new TransferItemAdded(KENT_AND_MEDWAY_CCG, T1, KENT_AND_MEDWAY, kentStaff));

        fixture.givenCommands(registerKentAndMedway())
                .when(new AddTransferItem(KENT_AND_MEDWAY_CCG, kentStaff, DERBYSHIRE, null))
                .expectException(refusedWith(ErrorCode.RECEIVING_ICS_NOT_ALLOWED, "receivingIcs"))
                .expectNoEvents();
    }

    @Test
    void an_item_cannot_be_amended_to_go_where_the_ccg_cannot_transfer() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire(), add(DERBYSHIRE, GLOSSOP_ESTATE))
                .when(new AmendTransferItem(
                        TAMESIDE_AND_GLOSSOP, T1, GLOSSOP_ESTATE, NOTTINGHAM_AND_NOTTINGHAMSHIRE, null))
                .expectException(refusedWith(ErrorCode.RECEIVING_ICS_NOT_ALLOWED, "receivingIcs"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- items of the draft

    @Test
    void items_are_numbered_in_the_order_added_and_the_add_answers_with_the_new_number() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire(), add(null, TAMESIDE_STAFF))
                .when(add(DERBYSHIRE, GLOSSOP_ESTATE))
                .expectEvents(new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T2, DERBYSHIRE, GLOSSOP_ESTATE))
                .expectResultMessagePayload(new CommandOutcome(3, "T-2"));
    }

    @Test
    void the_number_of_a_withdrawn_item_is_never_given_again() {
        fixture.givenCommands(
                        registerTamesideAndGlossop(),
                        glossopToDerbyshire(),
                        add(null, TAMESIDE_STAFF),
                        add(DERBYSHIRE, GLOSSOP_ESTATE),
                        withdraw(T2))
                .when(add(DERBYSHIRE, GLOSSOP_CLAIMS))
                .expectEvents(new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T3, DERBYSHIRE, GLOSSOP_CLAIMS))
                .expectResultMessagePayload(new CommandOutcome(5, "T-3"));
    }

    @Test
    void a_live_item_of_a_draft_is_amended_with_new_details_and_receiver() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire(), add(null, GLOSSOP_ESTATE))
                .when(new AmendTransferItem(TAMESIDE_AND_GLOSSOP, T1, GLOSSOP_CLAIMS, DERBYSHIRE, null))
                .expectEvents(new TransferItemAmended(TAMESIDE_AND_GLOSSOP, T1, DERBYSHIRE, GLOSSOP_CLAIMS))
                .expectResultMessagePayload(new CommandOutcome(3, null));
    }

    @Test
    void a_live_item_of_a_draft_is_withdrawn_with_its_reason() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire(), add(DERBYSHIRE, GLOSSOP_ESTATE))
                .when(withdraw(T1))
                .expectEvents(new TransferItemWithdrawn(TAMESIDE_AND_GLOSSOP, T1, "Recorded twice"));
    }

    @Test
    void an_item_that_was_never_added_cannot_be_amended() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire(), add(null, TAMESIDE_STAFF))
                .when(new AmendTransferItem(TAMESIDE_AND_GLOSSOP, T2, GLOSSOP_ESTATE, null, null))
                .expectException(refusedWith(ErrorCode.UNKNOWN_TRANSFER_ITEM, "itemId"))
                .expectNoEvents();
    }

    @Test
    void an_item_that_was_never_added_cannot_be_withdrawn() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire(), add(null, TAMESIDE_STAFF))
                .when(withdraw(T2))
                .expectException(refusedWith(ErrorCode.UNKNOWN_TRANSFER_ITEM, "itemId"))
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_item_can_be_neither_amended_nor_withdrawn_again() {
        List<Object> history = List.of(
                registerTamesideAndGlossop(), glossopToDerbyshire(), add(DERBYSHIRE, GLOSSOP_ESTATE), withdraw(T1));
        fixture.givenCommands(history)
                .when(new AmendTransferItem(TAMESIDE_AND_GLOSSOP, T1, GLOSSOP_CLAIMS, DERBYSHIRE, null))
                .expectException(refusedWith(ErrorCode.UNKNOWN_TRANSFER_ITEM, "itemId"))
                .expectNoEvents();
        fixture.givenCommands(history)
                .when(withdraw(T1))
                .expectException(refusedWith(ErrorCode.UNKNOWN_TRANSFER_ITEM, "itemId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- agreement

    @Test
    void a_scheme_with_no_items_cannot_be_agreed() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire())
                .when(agree(THE_CCG))
                .expectException(refusedWith(ErrorCode.SCHEME_EMPTY))
                .expectNoEvents();
    }

    @Test
    void a_scheme_whose_items_were_all_withdrawn_cannot_be_agreed() {
        fixture.givenCommands(
                        registerTamesideAndGlossop(), glossopToDerbyshire(), add(null, TAMESIDE_STAFF), withdraw(T1))
                .when(agree(THE_CCG))
                .expectException(refusedWith(ErrorCode.SCHEME_EMPTY))
                .expectNoEvents();
    }

    @Test
    void an_ics_that_receives_no_live_item_is_not_a_party_to_the_scheme() {
        fixture.givenCommands(
                        registerTamesideAndGlossop(),
                        glossopToDerbyshire(),
                        chiefExecutive(DERBYSHIRE),
                        add(null, TAMESIDE_STAFF))
                .when(agree(DERBYSHIRE_PARTY))
                .expectException(refusedWith(ErrorCode.NOT_A_PARTY, "party"))
                .expectNoEvents();
    }

    @Test
    void an_ics_the_ccg_cannot_transfer_to_is_not_a_party_to_the_scheme() {
        fixture.givenCommands(splitScheme())
                .when(agree(SchemeParty.ics(KENT_AND_MEDWAY)))
                .expectException(refusedWith(ErrorCode.NOT_A_PARTY, "party"))
                .expectNoEvents();
    }

    @Test
    void a_receiving_ics_agrees_only_through_a_noted_designate_chief_executive() {
        fixture.givenCommands(
                        registerTamesideAndGlossop(),
                        glossopToDerbyshire(),
                        add(null, TAMESIDE_STAFF),
                        add(DERBYSHIRE, GLOSSOP_ESTATE))
                .when(agree(DERBYSHIRE_PARTY))
                .expectException(refusedWith(ErrorCode.NO_DESIGNATE_CHIEF_EXECUTIVE))
                .expectNoEvents();
    }

    @Test
    void a_receiving_ics_whose_designate_chief_executive_withdrew_cannot_agree() {
        fixture.givenCommands(
                        steps(splitScheme(), new NoteReceivingChiefExecutive(TAMESIDE_AND_GLOSSOP, DERBYSHIRE, null)))
                .when(agree(DERBYSHIRE_PARTY))
                .expectException(refusedWith(ErrorCode.NO_DESIGNATE_CHIEF_EXECUTIVE))
                .expectNoEvents();
    }

    @Test
    void the_ccg_agreeing_alone_does_not_agree_the_scheme() {
        fixture.givenCommands(splitScheme())
                .when(agree(THE_CCG))
                .expectEvents(new TransferSchemePartyAgreed(TAMESIDE_AND_GLOSSOP, THE_CCG, signatoryOf(THE_CCG)));
    }

    @Test
    void the_ccg_and_one_of_two_receiving_icss_agreeing_do_not_agree_the_scheme() {
        fixture.givenCommands(steps(splitScheme(), agree(THE_CCG)))
                .when(agree(GREATER_MANCHESTER_PARTY))
                .expectEvents(new TransferSchemePartyAgreed(
                        TAMESIDE_AND_GLOSSOP, GREATER_MANCHESTER_PARTY, signatoryOf(GREATER_MANCHESTER_PARTY)));
    }

    @Test
    void the_scheme_is_agreed_when_the_last_receiving_ics_agrees_naming_every_receiver_and_the_day() {
        fixture.givenCommands(steps(splitScheme(), agree(THE_CCG), agree(GREATER_MANCHESTER_PARTY)))
                .when(agree(DERBYSHIRE_PARTY))
                .expectEvents(
                        new TransferSchemePartyAgreed(
                                TAMESIDE_AND_GLOSSOP, DERBYSHIRE_PARTY, signatoryOf(DERBYSHIRE_PARTY)),
                        new TransferSchemeAgreed(
                                TAMESIDE_AND_GLOSSOP, List.of(DERBYSHIRE, GREATER_MANCHESTER), AGREED_ON))
                .expectResultMessagePayload(new CommandOutcome(9, null));
    }

    @Test
    void the_scheme_is_agreed_when_the_ccg_agrees_last() {
        fixture.givenCommands(steps(splitScheme(), agree(DERBYSHIRE_PARTY), agree(GREATER_MANCHESTER_PARTY)))
                .when(agree(THE_CCG))
                .expectEvents(
                        new TransferSchemePartyAgreed(TAMESIDE_AND_GLOSSOP, THE_CCG, signatoryOf(THE_CCG)),
                        new TransferSchemeAgreed(
                                TAMESIDE_AND_GLOSSOP, List.of(DERBYSHIRE, GREATER_MANCHESTER), AGREED_ON));
    }

    @Test
    void a_party_cannot_agree_the_same_draft_twice() {
        fixture.givenCommands(steps(splitScheme(), agree(THE_CCG)))
                .when(agree(THE_CCG))
                .expectException(refusedWith(ErrorCode.ALREADY_AGREED))
                .expectNoEvents();
    }

    @Test
    void an_agreed_scheme_cannot_be_agreed_again() {
        fixture.givenCommands(agreedSplitScheme())
                .when(agree(GREATER_MANCHESTER_PARTY))
                .expectException(refusedWith(ErrorCode.ALREADY_AGREED))
                .expectNoEvents();
    }

    @Test
    void a_change_before_anyone_agreed_resets_nothing() {
        fixture.givenCommands(splitScheme())
                .when(add(DERBYSHIRE, GLOSSOP_CLAIMS))
                .expectEvents(new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T3, DERBYSHIRE, GLOSSOP_CLAIMS));
    }

    @Test
    void adding_an_item_after_a_partial_agreement_resets_the_agreements_given() {
        fixture.givenCommands(steps(splitScheme(), agree(THE_CCG), agree(GREATER_MANCHESTER_PARTY)))
                .when(add(DERBYSHIRE, GLOSSOP_CLAIMS))
                .expectEvents(
                        new TransferSchemeAgreementsReset(
                                TAMESIDE_AND_GLOSSOP,
                                List.of(THE_CCG, GREATER_MANCHESTER_PARTY),
                                "an item was added after they were given"),
                        new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T3, DERBYSHIRE, GLOSSOP_CLAIMS));
    }

    @Test
    void amending_an_item_after_a_partial_agreement_resets_the_agreements_given() {
        fixture.givenCommands(steps(splitScheme(), agree(THE_CCG)))
                .when(new AmendTransferItem(TAMESIDE_AND_GLOSSOP, T1, TAMESIDE_STAFF_REVISED, null, null))
                .expectEvents(
                        new TransferSchemeAgreementsReset(
                                TAMESIDE_AND_GLOSSOP, List.of(THE_CCG), "an item was amended after they were given"),
                        new TransferItemAmended(TAMESIDE_AND_GLOSSOP, T1, GREATER_MANCHESTER, TAMESIDE_STAFF_REVISED));
    }

    @Test
    void withdrawing_an_item_after_a_partial_agreement_resets_the_agreements_given() {
        fixture.givenCommands(steps(splitScheme(), agree(DERBYSHIRE_PARTY)))
                .when(withdraw(T1))
                .expectEvents(
                        new TransferSchemeAgreementsReset(
                                TAMESIDE_AND_GLOSSOP,
                                List.of(DERBYSHIRE_PARTY),
                                "an item was withdrawn after they were given"),
                        new TransferItemWithdrawn(TAMESIDE_AND_GLOSSOP, T1, "Recorded twice"));
    }

    @Test
    void agreements_reset_by_a_change_must_be_given_again() {
        fixture.givenCommands(steps(
                        splitScheme(),
                        agree(THE_CCG),
                        agree(GREATER_MANCHESTER_PARTY),
                        add(DERBYSHIRE, GLOSSOP_CLAIMS)))
                .when(agree(DERBYSHIRE_PARTY))
                .expectEvents(new TransferSchemePartyAgreed(
                        TAMESIDE_AND_GLOSSOP, DERBYSHIRE_PARTY, signatoryOf(DERBYSHIRE_PARTY)));
    }

    // ---------------------------------------------------------------- frozen once agreed

    @Test
    void an_agreed_scheme_is_frozen_against_adding_an_item() {
        fixture.givenCommands(agreedSplitScheme())
                .when(add(DERBYSHIRE, GLOSSOP_CLAIMS))
                .expectException(refusedWith(ErrorCode.SCHEME_FROZEN))
                .expectNoEvents();
    }

    @Test
    void an_agreed_scheme_is_frozen_against_amending_an_item() {
        fixture.givenCommands(agreedSplitScheme())
                .when(new AmendTransferItem(TAMESIDE_AND_GLOSSOP, T1, TAMESIDE_STAFF_REVISED, null, null))
                .expectException(refusedWith(ErrorCode.SCHEME_FROZEN))
                .expectNoEvents();
    }

    @Test
    void an_agreed_scheme_is_frozen_against_withdrawing_an_item() {
        fixture.givenCommands(agreedSplitScheme())
                .when(withdraw(T2))
                .expectException(refusedWith(ErrorCode.SCHEME_FROZEN))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- variations

    @Test
    void a_variation_needs_a_reason() {
        RuleViolation blank = catchThrowableOfType(
                () -> new VaryTransferScheme(TAMESIDE_AND_GLOSSOP, "   ", null, GLOSSOP_CLAIMS, DERBYSHIRE, null),
                RuleViolation.class);
        assertThat(blank).isNotNull();
        assertThat(blank.code()).isEqualTo(ErrorCode.REASON_REQUIRED);
        assertThat(blank.field()).isEqualTo("reason");

        RuleViolation missing = catchThrowableOfType(
                () -> new VaryTransferScheme(TAMESIDE_AND_GLOSSOP, null, T1, null, null, null), RuleViolation.class);
        assertThat(missing).isNotNull();
        assertThat(missing.code()).isEqualTo(ErrorCode.REASON_REQUIRED);
    }

    @Test
    void a_draft_scheme_is_changed_directly_and_cannot_be_varied() {
        fixture.givenCommands(splitScheme())
                .when(vary("Claims found after the draft", null, GLOSSOP_CLAIMS, DERBYSHIRE))
                .expectException(refusedWith(ErrorCode.SCHEME_NOT_AGREED))
                .expectNoEvents();
    }

    @Test
    void a_variation_adding_an_item_is_recorded_before_the_item_and_answers_with_its_number() {
        String reason = "Continuing healthcare claims identified in due diligence";
        fixture.givenCommands(agreedSplitScheme())
                .when(vary(reason, null, GLOSSOP_CLAIMS, DERBYSHIRE))
                .expectEvents(
                        new TransferSchemeVaried(TAMESIDE_AND_GLOSSOP, 1, reason),
                        new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T3, DERBYSHIRE, GLOSSOP_CLAIMS))
                .expectResultMessagePayload(new CommandOutcome(11, "T-3"));
    }

    @Test
    void a_variation_amending_an_item_is_recorded_before_the_amendment() {
        String reason = "One post vacated before transfer";
        fixture.givenCommands(agreedSplitScheme())
                .when(vary(reason, T1, TAMESIDE_STAFF_REVISED, null))
                .expectEvents(
                        new TransferSchemeVaried(TAMESIDE_AND_GLOSSOP, 1, reason),
                        new TransferItemAmended(TAMESIDE_AND_GLOSSOP, T1, GREATER_MANCHESTER, TAMESIDE_STAFF_REVISED))
                .expectResultMessagePayload(new CommandOutcome(11, null));
    }

    @Test
    void a_variation_withdrawing_an_item_is_recorded_before_the_withdrawal() {
        String reason = "Fit-out written off before transfer";
        fixture.givenCommands(agreedSplitScheme())
                .when(vary(reason, T2, null, null))
                .expectEvents(
                        new TransferSchemeVaried(TAMESIDE_AND_GLOSSOP, 1, reason),
                        new TransferItemWithdrawn(TAMESIDE_AND_GLOSSOP, T2, reason));
    }

    @Test
    void variations_are_numbered_in_the_order_recorded() {
        fixture.givenCommands(steps(
                        agreedSplitScheme(),
                        vary("Continuing healthcare claims identified", null, GLOSSOP_CLAIMS, DERBYSHIRE)))
                .when(vary("Fit-out written off before transfer", T2, null, null))
                .expectEvents(
                        new TransferSchemeVaried(TAMESIDE_AND_GLOSSOP, 2, "Fit-out written off before transfer"),
                        new TransferItemWithdrawn(TAMESIDE_AND_GLOSSOP, T2, "Fit-out written off before transfer"));
    }

    @Test
    void a_varied_scheme_stays_agreed_and_frozen() {
        fixture.givenCommands(steps(
                        agreedSplitScheme(),
                        vary("Continuing healthcare claims identified", null, GLOSSOP_CLAIMS, DERBYSHIRE)))
                .when(withdraw(T3))
                .expectException(refusedWith(ErrorCode.SCHEME_FROZEN))
                .expectNoEvents();
    }

    @Test
    void a_variation_must_say_what_it_changes() {
        fixture.givenCommands(agreedSplitScheme())
                .when(vary("Tidying up", null, null, null))
                .expectException(refusedWith(ErrorCode.INVALID_INPUT, "details"))
                .expectNoEvents();
    }

    @Test
    void a_variation_cannot_send_an_item_where_the_ccg_cannot_transfer() {
        fixture.givenCommands(agreedSplitScheme())
                .when(vary("Wrong system", null, GLOSSOP_CLAIMS, NOTTINGHAM_AND_NOTTINGHAMSHIRE))
                .expectException(refusedWith(ErrorCode.RECEIVING_ICS_NOT_ALLOWED, "receivingIcs"))
                .expectNoEvents();
    }

    @Test
    void a_variation_of_an_item_that_is_not_live_is_refused() {
        fixture.givenCommands(agreedSplitScheme())
                .when(vary("No such item", T3, null, null))
                .expectException(refusedWith(ErrorCode.UNKNOWN_TRANSFER_ITEM, "itemId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- effecting the transfer

    @Test
    void a_draft_scheme_cannot_be_effected() {
        TestExecutor<CcgTransfer> given = fixture.givenCommands(steps(splitScheme(), royalAssent()));
        clock.setToday(ESTABLISHED_ON);
        given.when(new EffectTransferScheme(TAMESIDE_AND_GLOSSOP, null))
                .expectException(refusedWith(ErrorCode.SCHEME_NOT_AGREED))
                .expectNoEvents();
    }

    @Test
    void an_agreed_scheme_is_effected_on_the_establishment_date_after_royal_assent() {
        TestExecutor<CcgTransfer> given = fixture.givenCommands(steps(agreedSplitScheme(), royalAssent()));
        clock.setToday(ESTABLISHED_ON);
        given.when(new EffectTransferScheme(TAMESIDE_AND_GLOSSOP, null))
                .expectEvents(new TransferSchemeEffected(TAMESIDE_AND_GLOSSOP, ESTABLISHED_ON))
                .expectResultMessagePayload(new CommandOutcome(15, null));
    }

    @Test
    void a_transfer_cannot_be_effected_before_royal_assent() {
        TestExecutor<CcgTransfer> given = fixture.givenCommands(steps(
                agreedSplitScheme(),
                noteStage(LegislativeMilestone.INTRODUCED, INTRODUCED_ON),
                noteStage(LegislativeMilestone.SECOND_READING, SECOND_READING_ON),
                noteStage(LegislativeMilestone.THIRD_READING, THIRD_READING_ON),
                new NoteCcgEstablishmentDate(TAMESIDE_AND_GLOSSOP, ESTABLISHED_ON)));
        clock.setToday(ESTABLISHED_ON);
        given.when(new EffectTransferScheme(TAMESIDE_AND_GLOSSOP, null))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void a_transfer_cannot_be_effected_before_the_establishment_date() {
        TestExecutor<CcgTransfer> given = fixture.givenCommands(steps(agreedSplitScheme(), royalAssent()));
        clock.setToday(ESTABLISHED_ON.minusDays(1));
        given.when(new EffectTransferScheme(TAMESIDE_AND_GLOSSOP, null))
                .expectException(refusedWith(ErrorCode.LEGISLATIVE_GATE_CLOSED))
                .expectNoEvents();
    }

    @Test
    void an_effected_transfer_can_no_longer_vary() {
        TestExecutor<CcgTransfer> given = effected();
        given.when(vary("Late claim", null, GLOSSOP_CLAIMS, DERBYSHIRE))
                .expectException(refusedWith(ErrorCode.ALREADY_EFFECTED))
                .expectNoEvents();
    }

    @Test
    void an_effected_transfer_cannot_be_effected_again() {
        TestExecutor<CcgTransfer> given = effected();
        given.when(new EffectTransferScheme(TAMESIDE_AND_GLOSSOP, null))
                .expectException(refusedWith(ErrorCode.ALREADY_EFFECTED))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- abolition

    @Test
    void a_ccg_whose_transfer_is_not_effected_cannot_be_abolished() {
        TestExecutor<CcgTransfer> given = fixture.givenCommands(steps(agreedSplitScheme(), royalAssent()));
        clock.setToday(ESTABLISHED_ON);
        given.when(new AbolishCcg(TAMESIDE_AND_GLOSSOP, null))
                .expectException(refusedWith(ErrorCode.SCHEME_NOT_EFFECTED))
                .expectNoEvents();
    }

    @Test
    void a_ccg_is_abolished_once_its_transfer_is_effected() {
        TestExecutor<CcgTransfer> given = effected();
        given.when(new AbolishCcg(TAMESIDE_AND_GLOSSOP, null))
                .expectEvents(new CcgAbolished(TAMESIDE_AND_GLOSSOP, ESTABLISHED_ON))
                .expectResultMessagePayload(new CommandOutcome(16, null));
    }

    @Test
    void an_abolished_ccg_refuses_every_command_that_acts_on_it_or_its_scheme() {
        List<Object> commands = List.of(
                add(DERBYSHIRE, GLOSSOP_CLAIMS),
                new AmendTransferItem(TAMESIDE_AND_GLOSSOP, T1, TAMESIDE_STAFF_REVISED, null, null),
                withdraw(T1),
                agree(THE_CCG),
                vary("Late claim", null, GLOSSOP_CLAIMS, DERBYSHIRE),
                new EffectTransferScheme(TAMESIDE_AND_GLOSSOP, null),
                new AbolishCcg(TAMESIDE_AND_GLOSSOP, null));
        clock.setToday(ESTABLISHED_ON);
        for (Object command : commands) {
            TestExecutor<CcgTransfer> given = fixture.givenCommands(steps(
                    agreedSplitScheme(),
                    royalAssent(),
                    new EffectTransferScheme(TAMESIDE_AND_GLOSSOP, null),
                    new AbolishCcg(TAMESIDE_AND_GLOSSOP, null)));
            given.when(command)
                    .expectException(refusedWith(ErrorCode.CCG_ABOLISHED))
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------- reference data and relayed facts

    @Test
    void registering_the_same_boundary_change_again_changes_nothing() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire())
                .when(glossopToDerbyshire())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_boundary_change_must_start_from_the_ccgs_own_ics() {
        fixture.givenCommands(registerTamesideAndGlossop())
                .when(new RegisterBoundaryChange(
                        TAMESIDE_AND_GLOSSOP,
                        IcsCode.of("QF7"),
                        NOTTINGHAM_AND_NOTTINGHAMSHIRE,
                        "Bassetlaw",
                        70,
                        ESTABLISHED_ON))
                .expectException(refusedWith(ErrorCode.INVALID_INPUT, "fromIcs"))
                .expectNoEvents();
    }

    @Test
    void the_designate_chief_executive_of_a_receiving_ics_is_noted() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire())
                .when(chiefExecutive(DERBYSHIRE))
                .expectEvents(new ReceivingChiefExecutiveNoted(
                        TAMESIDE_AND_GLOSSOP,
                        DERBYSHIRE,
                        chiefExecutive(DERBYSHIRE).holderName()));
    }

    @Test
    void noting_the_same_receiving_chief_executive_twice_changes_nothing() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire(), chiefExecutive(DERBYSHIRE))
                .when(chiefExecutive(DERBYSHIRE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_chief_executive_of_an_ics_that_cannot_receive_the_ccgs_items_is_not_noted() {
        fixture.givenCommands(registerTamesideAndGlossop(), glossopToDerbyshire())
                .when(chiefExecutive(KENT_AND_MEDWAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        fixture.givenCommands(registerTamesideAndGlossop())
                .when(chiefExecutive(DERBYSHIRE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- scenario

    private static RegisterCcg registerTamesideAndGlossop() {
        return new RegisterCcg(
                TAMESIDE_AND_GLOSSOP,
                "NHS Tameside and Glossop CCG",
                GREATER_MANCHESTER,
                "E38000182",
                Programme.JUNE_2021_BASELINE.establishmentDate());
    }

    private static RegisterBoundaryChange glossopToDerbyshire() {
        return new RegisterBoundaryChange(
                TAMESIDE_AND_GLOSSOP, GREATER_MANCHESTER, DERBYSHIRE, "Glossop", 21, ESTABLISHED_ON);
    }

    private static RegisterCcg registerKentAndMedway() {
        return new RegisterCcg(
                KENT_AND_MEDWAY_CCG,
                "NHS Kent and Medway CCG",
                KENT_AND_MEDWAY,
                "E38000237",
                Programme.JUNE_2021_BASELINE.establishmentDate());
    }

    private static AddTransferItem addToKent(TransferItemDetails details) {
        return new AddTransferItem(KENT_AND_MEDWAY_CCG, details, null, null);
    }

    private static AddTransferItem add(IcsCode receivingIcs, TransferItemDetails details) {
        return new AddTransferItem(TAMESIDE_AND_GLOSSOP, details, receivingIcs, null);
    }

    private static WithdrawTransferItem withdraw(TransferItemId item) {
        return new WithdrawTransferItem(TAMESIDE_AND_GLOSSOP, item, "Recorded twice", null);
    }

    private static VaryTransferScheme vary(
            String reason, TransferItemId item, TransferItemDetails details, IcsCode receivingIcs) {
        return new VaryTransferScheme(TAMESIDE_AND_GLOSSOP, reason, item, details, receivingIcs, null);
    }

    private static NoteReceivingChiefExecutive chiefExecutive(IcsCode ics) {
        return new NoteReceivingChiefExecutive(
                TAMESIDE_AND_GLOSSOP, ics, "Designate chief executive of " + ics.value());
    }

    private static AgreeTransferScheme agree(SchemeParty party) {
        return new AgreeTransferScheme(TAMESIDE_AND_GLOSSOP, party, signatoryOf(party), null);
    }

    private static String signatoryOf(SchemeParty party) {
        return party.isCcg()
                ? "Accountable officer, NHS Tameside and Glossop CCG"
                : "Designate chief executive of " + party.value();
    }

    private static NoteCcgLegislativeMilestone noteStage(LegislativeMilestone stage, LocalDate on) {
        return new NoteCcgLegislativeMilestone(TAMESIDE_AND_GLOSSOP, stage, on);
    }

    /**
     * Registered, Glossop's boundary change, both receiving chief executives noted, T-1 (staff) to Greater Manchester
     * and T-2 (an asset) to Derbyshire: versions 0 to 5.
     */
    private static List<Object> splitScheme() {
        return List.of(
                registerTamesideAndGlossop(),
                glossopToDerbyshire(),
                chiefExecutive(GREATER_MANCHESTER),
                chiefExecutive(DERBYSHIRE),
                add(null, TAMESIDE_STAFF),
                add(DERBYSHIRE, GLOSSOP_ESTATE));
    }

    /** The split scheme agreed by the CCG, Greater Manchester and Derbyshire: versions 0 to 9. */
    private static List<Object> agreedSplitScheme() {
        return steps(splitScheme(), agree(THE_CCG), agree(GREATER_MANCHESTER_PARTY), agree(DERBYSHIRE_PARTY));
    }

    /** Every stage of the Bill and the establishment date moved to 2022-07-01, as relayed: five events. */
    private static List<Object> royalAssent() {
        return List.of(
                noteStage(LegislativeMilestone.INTRODUCED, INTRODUCED_ON),
                noteStage(LegislativeMilestone.SECOND_READING, SECOND_READING_ON),
                noteStage(LegislativeMilestone.THIRD_READING, THIRD_READING_ON),
                noteStage(LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON),
                new NoteCcgEstablishmentDate(TAMESIDE_AND_GLOSSOP, ESTABLISHED_ON));
    }

    /** The agreed split scheme effected on the establishment date (version 15), the clock standing on that day. */
    private TestExecutor<CcgTransfer> effected() {
        clock.setToday(ESTABLISHED_ON);
        return fixture.givenCommands(
                steps(agreedSplitScheme(), royalAssent(), new EffectTransferScheme(TAMESIDE_AND_GLOSSOP, null)));
    }
}
