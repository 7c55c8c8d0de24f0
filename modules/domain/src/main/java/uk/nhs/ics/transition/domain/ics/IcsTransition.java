package uk.nhs.ics.transition.domain.ics;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.nhs.ics.transition.domain.LegislativeGate;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.MilestoneStatus;
import uk.nhs.ics.transition.messages.ics.AddAssuranceComment;
import uk.nhs.ics.transition.messages.ics.AgreeMou;
import uk.nhs.ics.transition.messages.ics.AppointmentMadeSubstantive;
import uk.nhs.ics.transition.messages.ics.ApproveConstitution;
import uk.nhs.ics.transition.messages.ics.AssessDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.AssuranceCommentAdded;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.CandidateWithdrawn;
import uk.nhs.ics.transition.messages.ics.ClearMilestoneRisk;
import uk.nhs.ics.transition.messages.ics.CloseConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.CompleteMilestone;
import uk.nhs.ics.transition.messages.ics.ConfirmDesignateAppointment;
import uk.nhs.ics.transition.messages.ics.ConstitutionApproved;
import uk.nhs.ics.transition.messages.ics.ConstitutionDraftRecorded;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementClosed;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementOpened;
import uk.nhs.ics.transition.messages.ics.ConstitutionReturned;
import uk.nhs.ics.transition.messages.ics.ConstitutionSubmitted;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.DraftMou;
import uk.nhs.ics.transition.messages.ics.DueDiligenceCompleted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemAssessed;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemId;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemRaised;
import uk.nhs.ics.transition.messages.ics.DueDiligencePlanningStarted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignOffsWithdrawn;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignedOff;
import uk.nhs.ics.transition.messages.ics.FlagMilestoneAtRisk;
import uk.nhs.ics.transition.messages.ics.IcsEstablishmentDateNoted;
import uk.nhs.ics.transition.messages.ics.IcsLegislativeMilestoneNoted;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.ics.MakeAppointmentSubstantive;
import uk.nhs.ics.transition.messages.ics.MilestoneCompleted;
import uk.nhs.ics.transition.messages.ics.MilestoneFlaggedAtRisk;
import uk.nhs.ics.transition.messages.ics.MilestoneReopened;
import uk.nhs.ics.transition.messages.ics.MilestoneRiskCleared;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;
import uk.nhs.ics.transition.messages.ics.MouAgreed;
import uk.nhs.ics.transition.messages.ics.MouDrafted;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;
import uk.nhs.ics.transition.messages.ics.NoteEstablishmentDate;
import uk.nhs.ics.transition.messages.ics.NoteLegislativeMilestone;
import uk.nhs.ics.transition.messages.ics.NoteTransferSchemeAgreed;
import uk.nhs.ics.transition.messages.ics.OpenConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.OpenIcsTransition;
import uk.nhs.ics.transition.messages.ics.PreferredCandidateNamed;
import uk.nhs.ics.transition.messages.ics.RaiseDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.RecordConstitutionDraft;
import uk.nhs.ics.transition.messages.ics.RecruitmentStarted;
import uk.nhs.ics.transition.messages.ics.ReopenMilestone;
import uk.nhs.ics.transition.messages.ics.ReturnConstitution;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;
import uk.nhs.ics.transition.messages.ics.SignOffDueDiligence;
import uk.nhs.ics.transition.messages.ics.StartDueDiligencePlanning;
import uk.nhs.ics.transition.messages.ics.StartMilestone;
import uk.nhs.ics.transition.messages.ics.StartRecruitment;
import uk.nhs.ics.transition.messages.ics.SubmitConstitution;
import uk.nhs.ics.transition.messages.ics.TransferSchemeAgreementNoted;
import uk.nhs.ics.transition.messages.ics.WithdrawCandidate;

/**
 * One ICS's transition to a statutory ICS NHS body: its milestone plan, the board of its ICS NHS body, its due
 * diligence, its constitution and MoU, and what it has learned of the Bill's progress and of its predecessors'
 * transfer schemes.
 *
 * <p>Each command handler checks its rule and applies the fact. The milestone plan, the board, the due diligence,
 * the constitution and the legislative gate are members of the aggregate that learn from its events themselves. Once
 * any command has changed something, {@link #decide} moves the derived milestones to where the facts now put them, in
 * the same decision: a derived milestone can never disagree with what completes it, and no handler has to remember
 * to ask.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class IcsTransition {

    @AggregateIdentifier
    private IcsCode icsCode;

    private final Set<CcgCode> predecessors = new TreeSet<>();
    private final Set<CcgCode> agreedSchemes = new TreeSet<>();

    @AggregateMember
    private MilestonePlan milestones;

    @AggregateMember
    private Board board;

    @AggregateMember
    private final DueDiligence dueDiligence = new DueDiligence();

    @AggregateMember
    private final Constitution constitution = new Constitution();

    @AggregateMember
    private LegislativeGate gate;

    private int comments;

    protected IcsTransition() {
        // for event sourcing
    }

    /**
     * Opens the transition. A creation handler rather than a constructor, so that {@link #answerWithVersion} answers
     * it too: Axon answers a constructor's command with the bare identifier.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    Object handle(OpenIcsTransition command) {
        apply(new IcsTransitionOpened(
                command.icsCode(),
                command.name(),
                command.regionCode(),
                command.onsCode(),
                command.icbName(),
                command.predecessorCcgs(),
                Arrays.asList(MilestoneCode.values()),
                BoardComposition.minimumSeats(),
                command.establishmentDate()));
        return null;
    }

    /**
     * Around every command: handles it; if it changed anything, lets the derived milestones follow; and answers with
     * the aggregate's version and anything the command created.
     */
    @CommandHandlerInterceptor
    Object decide(CommandMessage<?> command, InterceptorChain chain, Clock clock) throws Exception {
        Long before = AggregateLifecycle.getVersion();
        Object created = chain.proceed();
        if (!Objects.equals(before, AggregateLifecycle.getVersion())) {
            deriveMilestones(factsDated(command.getPayload(), clock));
        }
        return CommandOutcome.of(AggregateLifecycle.getVersion(), created);
    }

    // ---------------------------------------------------------------- milestones

    @CommandHandler
    void handle(StartMilestone command) {
        milestones.checkStart(command.milestone());
        apply(new MilestoneStarted(icsCode, command.milestone(), false));
    }

    @CommandHandler
    void handle(FlagMilestoneAtRisk command) {
        milestones.checkFlagAtRisk(command.milestone());
        apply(new MilestoneFlaggedAtRisk(icsCode, command.milestone(), command.reason()));
    }

    @CommandHandler
    void handle(ClearMilestoneRisk command) {
        milestones.checkClearRisk(command.milestone());
        apply(new MilestoneRiskCleared(icsCode, command.milestone(), command.reason()));
    }

    @CommandHandler
    void handle(CompleteMilestone command, Clock clock) {
        milestones.checkComplete(command.milestone(), command.completedOn(), command.evidence(), today(clock));
        apply(new MilestoneCompleted(icsCode, command.milestone(), command.completedOn(), command.evidence(), false));
    }

    @CommandHandler
    void handle(ReopenMilestone command) {
        milestones.checkReopen(command.milestone());
        apply(new MilestoneReopened(icsCode, command.milestone(), command.reason(), false));
    }

    // ---------------------------------------------------------------- board

    @CommandHandler
    void handle(StartRecruitment command) {
        board.checkStartRecruitment(command.seat(), command.process());
        apply(new RecruitmentStarted(icsCode, command.seat(), command.process()));
    }

    @CommandHandler
    void handle(NamePreferredCandidate command) {
        board.checkNameCandidate(command.seat(), command.candidateName(), command.conflictingPosts());
        apply(new PreferredCandidateNamed(
                icsCode,
                command.seat(),
                command.candidateName(),
                command.conflictingPosts(),
                command.mentalHealthExpertise()));
    }

    @CommandHandler
    void handle(ConfirmDesignateAppointment command, Clock clock) {
        BoardSeat seat = command.seat();
        board.checkConfirmable(seat);
        if (seat.role() == BoardRole.CHAIR || seat.role() == BoardRole.CHIEF_EXECUTIVE) {
            gate.requireSecondReading("confirming a designate " + seat.role());
        }
        board.checkAppointmentOrder(seat);
        apply(new DesignateAppointmentConfirmed(icsCode, seat, board.seat(seat).person(), today(clock)));
    }

    @CommandHandler
    void handle(WithdrawCandidate command) {
        board.checkWithdraw(command.seat());
        Board.Seat seat = board.seat(command.seat());
        apply(new CandidateWithdrawn(icsCode, command.seat(), seat.person(), seat.status(), command.reason()));
        if (command.seat().role() == BoardRole.CHIEF_EXECUTIVE
                && dueDiligence.stage() != DueDiligence.Stage.SIGNED_OFF
                && dueDiligence.hasChiefExecutiveSignOff()) {
            // the sign-offs stood on a designate chief executive who no longer is one
            apply(new DueDiligenceSignOffsWithdrawn(
                    icsCode, dueDiligence.signatories(), "the designate chief executive who signed has withdrawn"));
        }
    }

    @CommandHandler
    void handle(MakeAppointmentSubstantive command, Clock clock) {
        board.checkMakeSubstantive(command.seat());
        gate.requireEstablishment("a substantive appointment", today(clock));
        apply(new AppointmentMadeSubstantive(
                icsCode, command.seat(), board.seat(command.seat()).person(), today(clock)));
    }

    // ---------------------------------------------------------------- facts relayed from other aggregates

    /** The Bill reached a stage; hearing it twice changes nothing. */
    @CommandHandler
    void handle(NoteLegislativeMilestone command) {
        if (!gate.knows(command.milestone())) {
            apply(new IcsLegislativeMilestoneNoted(icsCode, command.milestone(), command.occurredOn()));
        }
    }

    @CommandHandler
    void handle(NoteEstablishmentDate command) {
        if (!command.establishmentDate().equals(gate.establishmentDate())) {
            apply(new IcsEstablishmentDateNoted(icsCode, command.establishmentDate()));
        }
    }

    /**
     * A predecessor's scheme is agreed; a scheme that sends nothing here, or is already known, changes nothing. What
     * it completes is dated the day the scheme was agreed, not the day the news arrived.
     */
    @CommandHandler
    void handle(NoteTransferSchemeAgreed command) {
        if (predecessors.contains(command.ccgCode()) && !agreedSchemes.contains(command.ccgCode())) {
            apply(new TransferSchemeAgreementNoted(icsCode, command.ccgCode(), command.agreedOn()));
        }
    }

    // ---------------------------------------------------------------- due diligence

    @CommandHandler
    void handle(StartDueDiligencePlanning command, Clock clock) {
        dueDiligence.checkStart();
        apply(new DueDiligencePlanningStarted(icsCode, today(clock)));
    }

    @CommandHandler
    String handle(RaiseDueDiligenceItem command) {
        dueDiligence.checkChangeItems();
        withdrawSignOffs("an item was raised after they were given");
        DueDiligenceItemId id = dueDiligence.nextItemId();
        apply(new DueDiligenceItemRaised(icsCode, id, command.area(), command.title()));
        return id.value();
    }

    @CommandHandler
    void handle(AssessDueDiligenceItem command) {
        dueDiligence.checkAssess(command.itemId(), command.outcome(), command.risk());
        withdrawSignOffs("an item was assessed again after they were given");
        boolean issue = command.outcome() == AssessmentOutcome.ISSUE;
        apply(new DueDiligenceItemAssessed(
                icsCode,
                command.itemId(),
                command.outcome(),
                issue ? command.risk() : null,
                issue ? command.mitigation() : null));
    }

    @CommandHandler
    void handle(SignOffDueDiligence command, Clock clock) {
        dueDiligence.checkSignOff(
                command.capacity(),
                command.ccgCode(),
                command.signatory(),
                predecessors,
                board.chiefExecutive().orElse(null));
        boolean asCcg = command.capacity() == SignOffCapacity.CCG_ACCOUNTABLE_OFFICER;
        apply(new DueDiligenceSignedOff(
                icsCode, command.signatory(), command.capacity(), asCcg ? command.ccgCode() : null));
        if (dueDiligence.isSignedOffByAll(predecessors)) {
            apply(new DueDiligenceCompleted(icsCode, today(clock)));
        }
    }

    private void withdrawSignOffs(String reason) {
        if (dueDiligence.hasSignOffs()) {
            apply(new DueDiligenceSignOffsWithdrawn(icsCode, dueDiligence.signatories(), reason));
        }
    }

    // ---------------------------------------------------------------- constitution, MoU, assurance

    @CommandHandler
    void handle(RecordConstitutionDraft command) {
        constitution.checkDraft();
        apply(new ConstitutionDraftRecorded(
                icsCode, constitution.draftVersion() + 1, command.documentReference(), command.summary()));
    }

    @CommandHandler
    void handle(OpenConstitutionEngagement command, Clock clock) {
        constitution.checkOpenEngagement();
        apply(new ConstitutionEngagementOpened(icsCode, constitution.draftVersion(), today(clock)));
    }

    @CommandHandler
    void handle(CloseConstitutionEngagement command, Clock clock) {
        constitution.checkCloseEngagement();
        apply(new ConstitutionEngagementClosed(icsCode, constitution.draftVersion(), today(clock)));
    }

    @CommandHandler
    void handle(SubmitConstitution command, Clock clock) {
        constitution.checkSubmit(board.gaps(), command.gaps());
        apply(new ConstitutionSubmitted(icsCode, constitution.draftVersion(), command.gaps(), today(clock)));
    }

    @CommandHandler
    void handle(ApproveConstitution command, Clock clock) {
        constitution.checkDecide();
        apply(new ConstitutionApproved(icsCode, constitution.draftVersion(), command.comments(), today(clock)));
    }

    @CommandHandler
    void handle(ReturnConstitution command) {
        constitution.checkDecide();
        apply(new ConstitutionReturned(icsCode, constitution.draftVersion(), command.comments()));
    }

    @CommandHandler
    void handle(DraftMou command) {
        constitution.checkDraftMou();
        apply(new MouDrafted(icsCode, command.documentReference()));
    }

    @CommandHandler
    void handle(AgreeMou command, Clock clock) {
        constitution.checkAgreeMou();
        apply(new MouAgreed(icsCode, today(clock)));
    }

    @CommandHandler
    void handle(AddAssuranceComment command) {
        apply(new AssuranceCommentAdded(icsCode, comments + 1, command.comment()));
    }

    // ---------------------------------------------------------------- derived milestones

    /**
     * The day what a command completes is dated: the day a predecessor's scheme was agreed, not the day the news
     * arrived; otherwise today.
     */
    private static LocalDate factsDated(Object command, Clock clock) {
        return command instanceof NoteTransferSchemeAgreed noted ? noted.agreedOn() : today(clock);
    }

    /** Moves every derived milestone to where its facts now put it; what completes is dated as given. */
    private void deriveMilestones(LocalDate on) {
        DerivedMilestones.State state =
                new DerivedMilestones.State(board, dueDiligence, constitution, agreedSchemes, predecessors);
        for (MilestoneCode milestone : DerivedMilestones.derived()) {
            DerivedMilestones.Facts facts = DerivedMilestones.facts(milestone, state);
            MilestoneStatus status = milestones.status(milestone);
            if (facts == DerivedMilestones.Facts.ALL && status != MilestoneStatus.COMPLETE) {
                if (status == MilestoneStatus.NOT_STARTED) {
                    apply(new MilestoneStarted(icsCode, milestone, true));
                }
                apply(new MilestoneCompleted(icsCode, milestone, on, List.of(), true));
            } else if (facts != DerivedMilestones.Facts.ALL && status == MilestoneStatus.COMPLETE) {
                apply(new MilestoneReopened(
                        icsCode,
                        milestone,
                        "no longer true: "
                                + DerivedMilestones.completesWhen(milestone).orElseThrow(),
                        true));
            } else if (facts == DerivedMilestones.Facts.SOME && status == MilestoneStatus.NOT_STARTED) {
                apply(new MilestoneStarted(icsCode, milestone, true));
            }
        }
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- event sourcing (the members source their own)

    @EventSourcingHandler
    void on(IcsTransitionOpened event) {
        icsCode = event.icsCode();
        predecessors.addAll(event.predecessorCcgs());
        milestones = new MilestonePlan(event.milestonePlan());
        board = new Board(event.boardSeats());
        gate = new LegislativeGate(event.establishmentDate());
    }

    @EventSourcingHandler
    void on(TransferSchemeAgreementNoted event) {
        agreedSchemes.add(event.ccgCode());
    }

    @EventSourcingHandler
    void on(AssuranceCommentAdded event) {
        comments = event.commentNumber();
    }
}
