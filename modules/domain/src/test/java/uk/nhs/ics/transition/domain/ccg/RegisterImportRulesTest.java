package uk.nhs.ics.transition.domain.ccg;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.ics.transition.domain.IcsScenario.DERBYSHIRE;
import static uk.nhs.ics.transition.domain.IcsScenario.ESTABLISHED_ON;
import static uk.nhs.ics.transition.domain.IcsScenario.steps;
import static uk.nhs.ics.transition.domain.Refusals.refusedWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.IcsScenario;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.messages.ccg.AddTransferItem;
import uk.nhs.ics.transition.messages.ccg.AgreeTransferScheme;
import uk.nhs.ics.transition.messages.ccg.AmendTransferItem;
import uk.nhs.ics.transition.messages.ccg.ImportTransferRegister;
import uk.nhs.ics.transition.messages.ccg.NoteReceivingChiefExecutive;
import uk.nhs.ics.transition.messages.ccg.RegisterBoundaryChange;
import uk.nhs.ics.transition.messages.ccg.RegisterCcg;
import uk.nhs.ics.transition.messages.ccg.RegisterImportPlan;
import uk.nhs.ics.transition.messages.ccg.RegisterImportPlan.Action;
import uk.nhs.ics.transition.messages.ccg.RegisterImportRefused;
import uk.nhs.ics.transition.messages.ccg.RegisterProblem;
import uk.nhs.ics.transition.messages.ccg.RegisterRow;
import uk.nhs.ics.transition.messages.ccg.SchemeParty;
import uk.nhs.ics.transition.messages.ccg.TransferItemAdded;
import uk.nhs.ics.transition.messages.ccg.TransferItemAmended;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemId;
import uk.nhs.ics.transition.messages.ccg.TransferItemReference;
import uk.nhs.ics.transition.messages.ccg.TransferItemWithdrawn;
import uk.nhs.ics.transition.messages.ccg.TransferRegisterImported;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreementsReset;
import uk.nhs.ics.transition.messages.ccg.Wte;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.Programme;

/**
 * Importing a CCG's register synchronises its draft scheme by reference, all or nothing, proved on Tameside and
 * Glossop CCG (01Y), whose Glossop items may go to Derbyshire:
 *
 * <ul>
 *   <li>one {@code TransferRegisterImported} first, then each item's own event, in register order;
 *   <li>new references add, changed values amend, equal values change nothing; the same register twice changes
 *       nothing the second time (no event at all);
 *   <li>items the register leaves out are withdrawn only when asked, else kept with a warning;
 *   <li>any refused row (unreadable, duplicate or missing reference, a receiving ICS not allowed) refuses the
 *       whole import with every row's problems, and nothing changes; warnings alone do not refuse;
 *   <li>a dry run answers the same plan and changes nothing; an agreed scheme refuses imports;
 *   <li>items without a reference are known by their item id; a new reference cannot take that form, nor one in
 *       use (on the single-item commands too).
 * </ul>
 */
class RegisterImportRulesTest {

    private static final CcgCode TAMESIDE_AND_GLOSSOP = IcsScenario.TAMESIDE_AND_GLOSSOP_CCG;
    private static final IcsCode GREATER_MANCHESTER = IcsCode.of("QOP");
    private static final IcsCode NOTTINGHAM_AND_NOTTINGHAMSHIRE = IcsCode.of("QT1");
    private static final String FILE = "tameside-register.csv";
    private static final String SHA = "a".repeat(64);
    private static final String NOT_IN_REGISTER = "not in the register " + FILE;

    private static final TransferItemReference STAFF_REF = TransferItemReference.of("STF-001");
    private static final TransferItemReference ESTATE_REF = TransferItemReference.of("AST-014");
    private static final TransferItemReference CONTRACT_REF = TransferItemReference.of("CON-0042");

    private static final TransferItemDetails STAFF = new TransferItemDetails.Staff(
            "Tameside commissioning and contracting team", 48, Wte.of(new BigDecimal("43.60")));
    private static final TransferItemDetails STAFF_REVISED = new TransferItemDetails.Staff(
            "Tameside commissioning and contracting team", 47, Wte.of(new BigDecimal("42.80")));
    private static final TransferItemDetails ESTATE =
            new TransferItemDetails.Asset("Glossop primary care estate fit-out", Money.pence(12_500_000));
    private static final TransferItemDetails CONTRACT = new TransferItemDetails.Contract(
            "Community health services for Glossop",
            "Derbyshire Community Health Services NHS Foundation Trust",
            Money.pence(410_000_000),
            LocalDate.of(2023, 3, 31),
            true);

    private static final TransferItemId T1 = TransferItemId.number(1);
    private static final TransferItemId T2 = TransferItemId.number(2);
    private static final TransferItemId T3 = TransferItemId.number(3);

    private final MutableClock clock = new MutableClock(LocalDate.of(2022, 1, 20));
    private FixtureConfiguration<CcgTransfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CcgTransfer.class);
        fixture.registerInjectableResource(clock);
    }

    // ---------------------------------------------------------------- synchronising

    @Test
    void new_references_add_items_in_register_order_after_one_record_of_the_import() {
        fixture.givenCommands(registered())
                .when(importing(false, row(2, STAFF_REF, null, STAFF), row(3, ESTATE_REF, DERBYSHIRE, ESTATE)))
                .expectEvents(
                        new TransferRegisterImported(TAMESIDE_AND_GLOSSOP, FILE, SHA, 2, 2, 0, 0, 0, "Q4 refresh"),
                        new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T1, GREATER_MANCHESTER, STAFF, STAFF_REF),
                        new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T2, DERBYSHIRE, ESTATE, ESTATE_REF))
                .expectResultMessagePayloadMatching(plan(plan -> {
                    assertThat(plan.accepted()).isTrue();
                    assertThat(plan.dryRun()).isFalse();
                    assertThat(plan.counts()).isEqualTo(new RegisterImportPlan.Counts(2, 2, 0, 0, 0, 0, 0, 0));
                    assertThat(plan.rows())
                            .extracting(RegisterImportPlan.RowOutcome::row, RegisterImportPlan.RowOutcome::action)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple(2, Action.ADD),
                                    org.assertj.core.groups.Tuple.tuple(3, Action.ADD));
                    assertThat(plan.rows())
                            .extracting(RegisterImportPlan.RowOutcome::itemId)
                            .containsExactly("T-1", "T-2");
                }));
    }

    @Test
    void a_known_reference_with_other_values_amends_and_equal_values_change_nothing() {
        fixture.givenCommands(steps(
                        registered(),
                        importing(false, row(2, STAFF_REF, null, STAFF), row(3, ESTATE_REF, null, ESTATE))))
                .when(importing(false, row(2, STAFF_REF, null, STAFF_REVISED), row(3, ESTATE_REF, DERBYSHIRE, ESTATE)))
                .expectEvents(
                        new TransferRegisterImported(TAMESIDE_AND_GLOSSOP, FILE, SHA, 2, 0, 2, 0, 0, "Q4 refresh"),
                        new TransferItemAmended(TAMESIDE_AND_GLOSSOP, T1, GREATER_MANCHESTER, STAFF_REVISED, STAFF_REF),
                        new TransferItemAmended(TAMESIDE_AND_GLOSSOP, T2, DERBYSHIRE, ESTATE, ESTATE_REF));
    }

    @Test
    void the_same_register_imported_twice_changes_nothing_the_second_time() {
        ImportTransferRegister register =
                importing(true, row(2, STAFF_REF, null, STAFF), row(3, ESTATE_REF, DERBYSHIRE, ESTATE));
        fixture.givenCommands(steps(registered(), register))
                .when(register)
                .expectNoEvents()
                .expectResultMessagePayloadMatching(plan(plan -> {
                    assertThat(plan.accepted()).isTrue();
                    assertThat(plan.changes()).isFalse();
                    assertThat(plan.counts()).isEqualTo(new RegisterImportPlan.Counts(2, 0, 0, 2, 0, 0, 0, 0));
                }));
    }

    @Test
    void items_the_register_leaves_out_are_withdrawn_when_asked() {
        fixture.givenCommands(steps(
                        registered(),
                        importing(false, row(2, STAFF_REF, null, STAFF), row(3, ESTATE_REF, DERBYSHIRE, ESTATE))))
                .when(importing(true, row(2, ESTATE_REF, DERBYSHIRE, ESTATE)))
                .expectEvents(
                        new TransferRegisterImported(TAMESIDE_AND_GLOSSOP, FILE, SHA, 1, 0, 0, 1, 1, "Q4 refresh"),
                        new TransferItemWithdrawn(TAMESIDE_AND_GLOSSOP, T1, NOT_IN_REGISTER));
    }

    @Test
    void items_the_register_leaves_out_are_kept_with_a_warning_unless_withdrawal_is_asked() {
        fixture.givenCommands(steps(
                        registered(),
                        importing(false, row(2, STAFF_REF, null, STAFF), row(3, ESTATE_REF, DERBYSHIRE, ESTATE))))
                .when(importing(false, row(2, ESTATE_REF, DERBYSHIRE, ESTATE)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(plan(plan -> {
                    assertThat(plan.accepted()).isTrue();
                    assertThat(plan.counts().kept()).isEqualTo(1);
                    RegisterImportPlan.RowOutcome kept = plan.rows().get(1);
                    assertThat(kept.action()).isEqualTo(Action.KEEP);
                    assertThat(kept.row()).isNull();
                    assertThat(kept.itemId()).isEqualTo("T-1");
                    assertThat(kept.problems())
                            .extracting(RegisterProblem::code, RegisterProblem::severity)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                    "NOT_IN_REGISTER", RegisterProblem.Severity.WARNING));
                }));
    }

    @Test
    void an_import_that_changes_a_draft_resets_the_agreements_given_so_far_once() {
        fixture.givenCommands(steps(
                        registered(),
                        new NoteReceivingChiefExecutive(TAMESIDE_AND_GLOSSOP, GREATER_MANCHESTER, "Owen Williams"),
                        importing(false, row(2, STAFF_REF, null, STAFF)),
                        new AgreeTransferScheme(TAMESIDE_AND_GLOSSOP, SchemeParty.CCG, "Accountable officer", null)))
                .when(importing(false, row(2, STAFF_REF, null, STAFF_REVISED), row(3, ESTATE_REF, null, ESTATE)))
                .expectEvents(
                        new TransferRegisterImported(TAMESIDE_AND_GLOSSOP, FILE, SHA, 2, 1, 1, 0, 0, "Q4 refresh"),
                        new TransferSchemeAgreementsReset(
                                TAMESIDE_AND_GLOSSOP,
                                List.of(SchemeParty.CCG),
                                "a register was imported after they were given"),
                        new TransferItemAmended(TAMESIDE_AND_GLOSSOP, T1, GREATER_MANCHESTER, STAFF_REVISED, STAFF_REF),
                        new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T2, GREATER_MANCHESTER, ESTATE, ESTATE_REF));
    }

    // ---------------------------------------------------------------- all or nothing

    @Test
    void a_reference_twice_in_the_register_refuses_the_whole_import_naming_both_rows() {
        fixture.givenCommands(registered())
                .when(importing(
                        false,
                        row(2, STAFF_REF, null, STAFF),
                        row(3, ESTATE_REF, null, ESTATE),
                        row(4, STAFF_REF, null, STAFF_REVISED)))
                .expectNoEvents()
                .expectException(refused(plan -> {
                    assertThat(plan.accepted()).isFalse();
                    assertThat(plan.counts().refused()).isEqualTo(1);
                    assertThat(plan.problems())
                            .extracting(
                                    RegisterProblem::row,
                                    RegisterProblem::column,
                                    RegisterProblem::code,
                                    RegisterProblem::message)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                    4,
                                    "reference",
                                    "DUPLICATE_REFERENCE",
                                    "reference STF-001 is also on row 2: a reference names one item"));
                }));
    }

    @Test
    void a_row_the_web_layer_could_not_read_refuses_the_import_and_its_item_is_not_withdrawn() {
        RegisterRow unreadable = new RegisterRow(
                3,
                ESTATE_REF,
                null,
                null,
                List.of(RegisterProblem.error(3, "valuePence", "INVALID_INPUT", "valuePence must not be negative")));
        fixture.givenCommands(steps(
                        registered(),
                        importing(false, row(2, STAFF_REF, null, STAFF), row(3, ESTATE_REF, null, ESTATE))))
                .when(importing(true, row(2, STAFF_REF, null, STAFF), unreadable))
                .expectNoEvents()
                .expectException(refused(plan -> {
                    assertThat(plan.rows())
                            .extracting(RegisterImportPlan.RowOutcome::action)
                            .containsExactly(Action.UNCHANGED, Action.REFUSE);
                    assertThat(plan.rows().get(1).itemId()).isEqualTo("T-2");
                    assertThat(plan.problems())
                            .extracting(RegisterProblem::row, RegisterProblem::column, RegisterProblem::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "valuePence", "INVALID_INPUT"));
                }));
    }

    @Test
    void a_receiving_ics_the_ccg_cannot_transfer_to_refuses_its_row_with_the_single_item_code() {
        fixture.givenCommands(registered())
                .when(importing(false, row(2, ESTATE_REF, NOTTINGHAM_AND_NOTTINGHAMSHIRE, ESTATE)))
                .expectNoEvents()
                .expectException(refused(plan -> assertThat(plan.problems())
                        .extracting(RegisterProblem::row, RegisterProblem::column, RegisterProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                2, "receivingIcs", ErrorCode.RECEIVING_ICS_NOT_ALLOWED.name()))));
    }

    @Test
    void a_row_without_a_reference_cannot_be_matched_and_is_refused() {
        fixture.givenCommands(registered())
                .when(importing(false, row(2, null, null, STAFF)))
                .expectNoEvents()
                .expectException(refused(plan -> assertThat(plan.problems())
                        .extracting(RegisterProblem::column, RegisterProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("reference", "INVALID_INPUT"))));
    }

    @Test
    void warnings_alone_do_not_refuse_the_import() {
        TransferItemDetails ending = new TransferItemDetails.Contract(
                "Interpreting services", "Language Line", Money.pence(1_200_000), LocalDate.of(2022, 3, 31), false);
        fixture.givenCommands(registered())
                .when(importing(false, row(2, CONTRACT_REF, null, ending)))
                .expectEvents(
                        new TransferRegisterImported(TAMESIDE_AND_GLOSSOP, FILE, SHA, 1, 1, 0, 0, 0, "Q4 refresh"),
                        new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T1, GREATER_MANCHESTER, ending, CONTRACT_REF))
                .expectResultMessagePayloadMatching(plan(plan -> {
                    assertThat(plan.counts().warnings()).isEqualTo(1);
                    assertThat(plan.problems())
                            .extracting(RegisterProblem::row, RegisterProblem::column, RegisterProblem::code)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple(2, "endDate", "ENDS_BEFORE_ESTABLISHMENT"));
                }));
    }

    // ---------------------------------------------------------------- dry runs and the scheme's state

    @Test
    void a_dry_run_answers_the_plan_and_changes_nothing() {
        fixture.givenCommands(steps(registered(), importing(false, row(2, STAFF_REF, null, STAFF))))
                .when(dryRun(true, row(2, STAFF_REF, null, STAFF_REVISED), row(3, ESTATE_REF, null, ESTATE)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(plan(plan -> {
                    assertThat(plan.dryRun()).isTrue();
                    assertThat(plan.accepted()).isTrue();
                    assertThat(plan.rows())
                            .extracting(RegisterImportPlan.RowOutcome::action, RegisterImportPlan.RowOutcome::itemId)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple(Action.AMEND, "T-1"),
                                    org.assertj.core.groups.Tuple.tuple(Action.ADD, "T-2"));
                }));
    }

    @Test
    void a_dry_run_of_a_refused_register_answers_every_problem_instead_of_refusing() {
        fixture.givenCommands(registered())
                .when(dryRun(false, row(2, STAFF_REF, null, STAFF), row(3, STAFF_REF, null, ESTATE)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(plan(plan -> {
                    assertThat(plan.accepted()).isFalse();
                    assertThat(plan.rows())
                            .extracting(RegisterImportPlan.RowOutcome::action)
                            .containsExactly(Action.ADD, Action.REFUSE);
                }));
    }

    @Test
    void an_agreed_scheme_refuses_an_import() {
        fixture.givenCommands(steps(
                        registered(),
                        new NoteReceivingChiefExecutive(TAMESIDE_AND_GLOSSOP, GREATER_MANCHESTER, "Owen Williams"),
                        importing(false, row(2, STAFF_REF, null, STAFF)),
                        new AgreeTransferScheme(TAMESIDE_AND_GLOSSOP, SchemeParty.CCG, "Accountable officer", null),
                        new AgreeTransferScheme(
                                TAMESIDE_AND_GLOSSOP, SchemeParty.ics(GREATER_MANCHESTER), "Owen Williams", null)))
                .when(importing(false, row(2, STAFF_REF, null, STAFF_REVISED)))
                .expectException(refusedWith(ErrorCode.SCHEME_FROZEN))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- references

    @Test
    void an_item_without_a_reference_is_known_by_its_item_id_and_keeps_having_none() {
        fixture.givenCommands(steps(registered(), new AddTransferItem(TAMESIDE_AND_GLOSSOP, STAFF, null, null)))
                .when(importing(false, row(2, TransferItemReference.of("T-1"), null, STAFF_REVISED)))
                .expectEvents(
                        new TransferRegisterImported(TAMESIDE_AND_GLOSSOP, FILE, SHA, 1, 0, 1, 0, 0, "Q4 refresh"),
                        new TransferItemAmended(TAMESIDE_AND_GLOSSOP, T1, GREATER_MANCHESTER, STAFF_REVISED, null));
    }

    @Test
    void a_new_row_cannot_take_a_reference_of_the_item_id_form() {
        fixture.givenCommands(registered())
                .when(importing(false, row(2, TransferItemReference.of("T-7"), null, STAFF)))
                .expectNoEvents()
                .expectException(refused(plan -> assertThat(plan.problems())
                        .extracting(RegisterProblem::column, RegisterProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("reference", "INVALID_INPUT"))));
    }

    @Test
    void a_single_item_keeps_its_reference_and_another_item_cannot_take_it() {
        fixture.givenCommands(registered())
                .when(new AddTransferItem(TAMESIDE_AND_GLOSSOP, STAFF, null, STAFF_REF, null))
                .expectEvents(new TransferItemAdded(TAMESIDE_AND_GLOSSOP, T1, GREATER_MANCHESTER, STAFF, STAFF_REF))
                .expectResultMessagePayload(new CommandOutcome(2, "T-1"));

        fixture.givenCommands(
                        steps(registered(), new AddTransferItem(TAMESIDE_AND_GLOSSOP, STAFF, null, STAFF_REF, null)))
                .when(new AddTransferItem(TAMESIDE_AND_GLOSSOP, ESTATE, null, STAFF_REF, null))
                .expectException(refusedWith(ErrorCode.DUPLICATE_REFERENCE, "reference"))
                .expectNoEvents();

        fixture.givenCommands(steps(
                        registered(),
                        new AddTransferItem(TAMESIDE_AND_GLOSSOP, STAFF, null, STAFF_REF, null),
                        new AddTransferItem(TAMESIDE_AND_GLOSSOP, ESTATE, null, ESTATE_REF, null)))
                .when(new AmendTransferItem(TAMESIDE_AND_GLOSSOP, T2, ESTATE, null, STAFF_REF, null))
                .expectException(refusedWith(ErrorCode.DUPLICATE_REFERENCE, "reference"))
                .expectNoEvents();
    }

    @Test
    void a_single_item_cannot_take_a_reference_of_the_item_id_form() {
        fixture.givenCommands(registered())
                .when(new AddTransferItem(TAMESIDE_AND_GLOSSOP, STAFF, null, TransferItemReference.of("T-3"), null))
                .expectException(refusedWith(ErrorCode.INVALID_INPUT, "reference"))
                .expectNoEvents();
    }

    @Test
    void an_amendment_that_names_its_own_item_id_as_reference_leaves_it_without_one() {
        fixture.givenCommands(steps(registered(), new AddTransferItem(TAMESIDE_AND_GLOSSOP, STAFF, null, null)))
                .when(new AmendTransferItem(
                        TAMESIDE_AND_GLOSSOP, T1, STAFF_REVISED, null, TransferItemReference.of("T-1"), null))
                .expectEvents(
                        new TransferItemAmended(TAMESIDE_AND_GLOSSOP, T1, GREATER_MANCHESTER, STAFF_REVISED, null));
        assertThat(T3.value()).isEqualTo("T-3");
    }

    // ---------------------------------------------------------------- helpers

    private static List<Object> registered() {
        return List.of(
                new RegisterCcg(
                        TAMESIDE_AND_GLOSSOP,
                        "NHS Tameside and Glossop CCG",
                        GREATER_MANCHESTER,
                        "E38000182",
                        Programme.JUNE_2021_BASELINE.establishmentDate()),
                new RegisterBoundaryChange(
                        TAMESIDE_AND_GLOSSOP, GREATER_MANCHESTER, DERBYSHIRE, "Glossop", 21, ESTABLISHED_ON));
    }

    private static RegisterRow row(
            int number, TransferItemReference reference, IcsCode receivingIcs, TransferItemDetails details) {
        return new RegisterRow(number, reference, receivingIcs, details, List.of());
    }

    private static ImportTransferRegister importing(boolean withdrawMissing, RegisterRow... rows) {
        return new ImportTransferRegister(
                TAMESIDE_AND_GLOSSOP, FILE, SHA, Arrays.asList(rows), withdrawMissing, false, "Q4 refresh", null);
    }

    private static ImportTransferRegister dryRun(boolean withdrawMissing, RegisterRow... rows) {
        return new ImportTransferRegister(
                TAMESIDE_AND_GLOSSOP,
                FILE,
                SHA,
                new ArrayList<>(Arrays.asList(rows)),
                withdrawMissing,
                true,
                null,
                null);
    }

    /** Matches a command outcome whose import plan satisfies the assertions. */
    private static TypeSafeMatcher<CommandOutcome> plan(Consumer<RegisterImportPlan> assertions) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandOutcome outcome) {
                assertThat(outcome.importPlan()).as("the import plan").isNotNull();
                assertions.accept(outcome.importPlan());
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an outcome with an import plan");
            }
        };
    }

    /** Matches a refused import whose plan satisfies the assertions. */
    private static TypeSafeMatcher<RegisterImportRefused> refused(Consumer<RegisterImportPlan> assertions) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegisterImportRefused refusal) {
                assertThat(refusal.code()).isEqualTo(ErrorCode.IMPORT_REFUSED);
                assertions.accept(refusal.plan());
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refused import");
            }
        };
    }
}
