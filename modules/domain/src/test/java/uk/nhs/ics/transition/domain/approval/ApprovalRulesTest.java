package uk.nhs.ics.transition.domain.approval;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.ics.transition.domain.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.MutableClock;
import uk.nhs.ics.transition.messages.approval.ApprovalGranted;
import uk.nhs.ics.transition.messages.approval.ApprovalRejected;
import uk.nhs.ics.transition.messages.approval.ApprovalRequested;
import uk.nhs.ics.transition.messages.approval.ApprovalSuperseded;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;
import uk.nhs.ics.transition.messages.approval.GrantApproval;
import uk.nhs.ics.transition.messages.approval.RejectApproval;
import uk.nhs.ics.transition.messages.approval.RequestApproval;
import uk.nhs.ics.transition.messages.approval.SupersedeApproval;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * Four eyes, as the approval's rules:
 *
 * <ul>
 *   <li>a request waits with its maker, the exact command and an expiry counted from the clock; it needs a maker;
 *   <li>a second person approves it, or rejects it with a reason; the maker can do neither (the same {@code sub} is the
 *       same person, whatever the token);
 *   <li>a request approved or rejected cannot be decided again; one superseded by a later request, or past its
 *       expiry, cannot be decided at all;
 *   <li>superseding a pending request is recorded once; a decided one is left as it is;
 *   <li>every command answers with the approval's version and identifier.
 * </ul>
 */
class ApprovalRulesTest {

    private static final String ID = "6f4f6f0e-8c1b-4d8a-9a51-6c3a3f0d0b01";
    private static final String MAKER = "pm-qjg-1";
    private static final String CHECKER = "pm-qjg-2";
    private static final int LIFETIME_DAYS = 7;
    private static final String COMMAND = "{\"icsCode\":\"QJG\",\"signatory\":\"A. Officer\"}";
    private static final String SUMMARY = "sign off due diligence as CCG accountable officer of 06L";

    private final MutableClock clock = new MutableClock(LocalDate.of(2022, 3, 1));
    private FixtureConfiguration<Approval> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Approval.class);
        fixture.registerInjectableResource(clock);
    }

    private static RequestApproval request() {
        return new RequestApproval(
                ID,
                FourEyesAction.DUE_DILIGENCE_SIGN_OFF,
                "DUE_DILIGENCE_SIGN_OFF:QJG:CCG_ACCOUNTABLE_OFFICER:06L",
                "QJG",
                "QJG",
                "QJG",
                null,
                41L,
                "uk.nhs.ics.transition.messages.ics.SignOffDueDiligence",
                COMMAND,
                SUMMARY,
                "the officer is away next week",
                LIFETIME_DAYS);
    }

    private ApprovalRequested requested() {
        return new ApprovalRequested(
                ID,
                FourEyesAction.DUE_DILIGENCE_SIGN_OFF,
                "DUE_DILIGENCE_SIGN_OFF:QJG:CCG_ACCOUNTABLE_OFFICER:06L",
                "QJG",
                "QJG",
                "QJG",
                null,
                41L,
                "uk.nhs.ics.transition.messages.ics.SignOffDueDiligence",
                COMMAND,
                SUMMARY,
                "the officer is away next week",
                MAKER,
                clock.today().plusDays(LIFETIME_DAYS));
    }

    private static Map<String, Object> by(String actor) {
        return Map.of(MetadataKeys.ACTOR, actor);
    }

    // ---------------------------------------------------------------- asking

    @Test
    void a_request_waits_with_its_maker_its_command_and_a_last_day_counted_from_the_business_clock() {
        fixture.givenNoPriorActivity()
                .when(request(), by(MAKER))
                .expectEvents(requested())
                .expectResultMessagePayload(new CommandOutcome(0, ID));
    }

    @Test
    void a_request_without_the_person_who_makes_it_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request())
                .expectException(refusedWith(ErrorCode.INVALID_INPUT))
                .expectNoEvents();
    }

    @Test
    void a_request_must_wait_for_some_time_and_name_its_command() {
        assertThatThrownBy(() -> new RequestApproval(
                        ID,
                        FourEyesAction.REBASELINE,
                        "REBASELINE",
                        "ENGLAND",
                        null,
                        null,
                        null,
                        3L,
                        "uk.nhs.ics.transition.messages.programme.Rebaseline",
                        "{}",
                        "re-baseline the programme",
                        null,
                        0))
                .isInstanceOfSatisfying(RuleViolation.class, v -> org.assertj.core.api.Assertions.assertThat(v.field())
                        .isEqualTo("lifetimeDays"));
        assertThatThrownBy(() -> new RequestApproval(
                        ID,
                        FourEyesAction.REBASELINE,
                        "REBASELINE",
                        "ENGLAND",
                        null,
                        null,
                        null,
                        3L,
                        "uk.nhs.ics.transition.messages.programme.Rebaseline",
                        null,
                        "re-baseline the programme",
                        null,
                        LIFETIME_DAYS))
                .isInstanceOfSatisfying(RuleViolation.class, v -> org.assertj.core.api.Assertions.assertThat(v.field())
                        .isEqualTo("command"));
    }

    // ---------------------------------------------------------------- deciding

    @Test
    void a_second_person_approves_the_request() {
        fixture.given(requested())
                .when(new GrantApproval(ID), by(CHECKER))
                .expectEvents(new ApprovalGranted(
                        ID, FourEyesAction.DUE_DILIGENCE_SIGN_OFF, "QJG", "QJG", null, SUMMARY, MAKER))
                .expectResultMessagePayload(new CommandOutcome(1, ID));
    }

    @Test
    void the_maker_cannot_approve_their_own_request() {
        fixture.given(requested())
                .when(new GrantApproval(ID), by(MAKER))
                .expectException(refusedWith(ErrorCode.SELF_APPROVAL))
                .expectNoEvents();
    }

    @Test
    void a_request_decided_by_nobody_in_particular_is_refused_as_if_by_the_maker() {
        fixture.given(requested())
                .when(new GrantApproval(ID))
                .expectException(refusedWith(ErrorCode.SELF_APPROVAL))
                .expectNoEvents();
    }

    @Test
    void a_second_person_rejects_the_request_with_a_reason() {
        fixture.given(requested())
                .when(new RejectApproval(ID, "the CONTRACTS item was assured on the wrong lease"), by(CHECKER))
                .expectEvents(new ApprovalRejected(
                        ID,
                        FourEyesAction.DUE_DILIGENCE_SIGN_OFF,
                        "QJG",
                        "QJG",
                        null,
                        SUMMARY,
                        MAKER,
                        "the CONTRACTS item was assured on the wrong lease"))
                .expectResultMessagePayload(new CommandOutcome(1, ID));
    }

    @Test
    void the_maker_cannot_reject_their_own_request_either() {
        fixture.given(requested())
                .when(new RejectApproval(ID, "changed my mind"), by(MAKER))
                .expectException(refusedWith(ErrorCode.SELF_APPROVAL))
                .expectNoEvents();
    }

    @Test
    void a_rejection_needs_a_reason() {
        assertThatThrownBy(() -> new RejectApproval(ID, " "))
                .isInstanceOfSatisfying(RuleViolation.class, v -> org.assertj.core.api.Assertions.assertThat(v.code())
                        .isEqualTo(ErrorCode.REASON_REQUIRED));
    }

    @Test
    void an_approved_request_cannot_be_approved_again() {
        fixture.given(requested(), granted())
                .when(new GrantApproval(ID), by("pm-qjg-3"))
                .expectException(refusedWith(ErrorCode.APPROVAL_DECIDED))
                .expectNoEvents();
    }

    @Test
    void an_approved_request_cannot_be_rejected_afterwards() {
        fixture.given(requested(), granted())
                .when(new RejectApproval(ID, "too late"), by("pm-qjg-3"))
                .expectException(refusedWith(ErrorCode.APPROVAL_DECIDED))
                .expectNoEvents();
    }

    @Test
    void a_rejected_request_cannot_be_approved() {
        fixture.given(
                        requested(),
                        new ApprovalRejected(
                                ID, FourEyesAction.DUE_DILIGENCE_SIGN_OFF, "QJG", "QJG", null, SUMMARY, MAKER, "no"))
                .when(new GrantApproval(ID), by(CHECKER))
                .expectException(refusedWith(ErrorCode.APPROVAL_DECIDED))
                .expectNoEvents();
    }

    @Test
    void a_request_cannot_be_approved_once_it_has_expired() {
        ApprovalRequested requested = requested();
        clock.setToday(LocalDate.of(2022, 3, 9));
        fixture.given(requested)
                .when(new GrantApproval(ID), by(CHECKER))
                .expectException(refusedWith(ErrorCode.APPROVAL_EXPIRED))
                .expectNoEvents();
    }

    @Test
    void a_request_can_be_approved_until_the_end_of_its_last_day() {
        ApprovalRequested requested = requested();
        clock.setToday(LocalDate.of(2022, 3, 8));
        fixture.given(requested).when(new GrantApproval(ID), by(CHECKER)).expectEvents(granted());
    }

    @Test
    void an_expired_request_cannot_be_rejected() {
        ApprovalRequested requested = requested();
        clock.setToday(LocalDate.of(2022, 4, 1));
        fixture.given(requested)
                .when(new RejectApproval(ID, "expired anyway"), by(CHECKER))
                .expectException(refusedWith(ErrorCode.APPROVAL_EXPIRED))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- superseding

    @Test
    void a_later_request_for_the_same_thing_supersedes_a_pending_one() {
        fixture.given(requested())
                .when(new SupersedeApproval(ID, "later-request"))
                .expectEvents(new ApprovalSuperseded(
                        ID, FourEyesAction.DUE_DILIGENCE_SIGN_OFF, "QJG", "QJG", null, SUMMARY, "later-request"))
                .expectResultMessagePayload(new CommandOutcome(1, ID));
    }

    @Test
    void a_superseded_request_can_be_neither_approved_nor_rejected() {
        ApprovalSuperseded superseded = new ApprovalSuperseded(
                ID, FourEyesAction.DUE_DILIGENCE_SIGN_OFF, "QJG", "QJG", null, SUMMARY, "later-request");
        fixture.given(requested(), superseded)
                .when(new GrantApproval(ID), by(CHECKER))
                .expectException(refusedWith(ErrorCode.APPROVAL_SUPERSEDED))
                .expectNoEvents();
        fixture.given(requested(), superseded)
                .when(new RejectApproval(ID, "no"), by(CHECKER))
                .expectException(refusedWith(ErrorCode.APPROVAL_SUPERSEDED))
                .expectNoEvents();
    }

    @Test
    void superseding_a_decided_or_superseded_request_changes_nothing() {
        fixture.given(requested(), granted())
                .when(new SupersedeApproval(ID, "later-request"))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(1, ID));
        fixture.given(
                        requested(),
                        new ApprovalSuperseded(
                                ID, FourEyesAction.DUE_DILIGENCE_SIGN_OFF, "QJG", "QJG", null, SUMMARY, "first"))
                .when(new SupersedeApproval(ID, "second"))
                .expectNoEvents();
    }

    private static ApprovalGranted granted() {
        return new ApprovalGranted(ID, FourEyesAction.DUE_DILIGENCE_SIGN_OFF, "QJG", "QJG", null, SUMMARY, MAKER);
    }
}
