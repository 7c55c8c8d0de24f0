package uk.nhs.ics.transition.domain.approval;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.nhs.ics.transition.domain.Refusal;
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

/**
 * One request for an action that needs a second person (maker and checker). It waits until someone other than its
 * maker approves it (the command it holds is then carried out beside the approval, in one transaction) or rejects it
 * with a reason; a later request for the same thing supersedes it; after its last day (by the business clock, as every
 * date the rules judge) nobody can decide it. Who decides
 * is the metadata's actor, as for every change; the maker is among the facts, for the rule that they cannot approve.
 */
@Aggregate(cache = "aggregateCache")
class Approval {

    /** Where a request stands. */
    enum Status {
        PENDING,
        APPROVED,
        REJECTED,
        SUPERSEDED
    }

    @AggregateIdentifier
    private String approvalId;

    private FourEyesAction action;
    private String target;
    private String icsCode;
    private String ccgCode;
    private String summary;
    private String requestedBy;
    private LocalDate decidableUntil;
    private Status status;

    protected Approval() {
        // for event sourcing
    }

    /** Every command is answered with the version, as every write is. */
    @CommandHandlerInterceptor
    Object answerWithVersion(InterceptorChain chain) throws Exception {
        chain.proceed();
        return new CommandOutcome(AggregateLifecycle.getVersion(), approvalId);
    }

    /**
     * Opens the request. A creation handler that answers (with nothing) rather than a constructor, so that
     * {@link #answerWithVersion} answers it too: Axon answers a constructor's command with the bare identifier.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    Object handle(RequestApproval command, @MetaDataValue(MetadataKeys.ACTOR) String maker, Clock clock) {
        if (maker == null || maker.isBlank()) {
            throw Refusal.because(ErrorCode.INVALID_INPUT, "a request for approval needs the person who makes it");
        }
        apply(new ApprovalRequested(
                command.approvalId(),
                command.action(),
                command.subject(),
                command.target(),
                command.authority(),
                command.icsCode(),
                command.ccgCode(),
                command.targetVersion(),
                command.commandType(),
                command.command(),
                command.summary(),
                command.reason(),
                maker,
                LocalDate.now(clock).plusDays(command.lifetimeDays())));
        return null;
    }

    @CommandHandler
    void handle(GrantApproval command, @MetaDataValue(MetadataKeys.ACTOR) String checker, Clock clock) {
        checkDecidable(checker, clock);
        apply(new ApprovalGranted(approvalId, action, target, icsCode, ccgCode, summary, requestedBy));
    }

    @CommandHandler
    void handle(RejectApproval command, @MetaDataValue(MetadataKeys.ACTOR) String checker, Clock clock) {
        checkDecidable(checker, clock);
        apply(new ApprovalRejected(
                approvalId, action, target, icsCode, ccgCode, summary, requestedBy, command.reason()));
    }

    /** A request already decided or superseded stays as it is: superseding is idempotent. */
    @CommandHandler
    void handle(SupersedeApproval command) {
        if (status == Status.PENDING) {
            apply(new ApprovalSuperseded(
                    approvalId, action, target, icsCode, ccgCode, summary, command.supersededBy()));
        }
    }

    /**
     * Only a pending request can be decided, only before it expires, and only by someone other than its maker (two
     * tokens of one {@code sub} are one person).
     */
    private void checkDecidable(String checker, Clock clock) {
        switch (status) {
            case APPROVED, REJECTED ->
                throw Refusal.because(
                        ErrorCode.APPROVAL_DECIDED,
                        "this request was already " + status.name().toLowerCase());
            case SUPERSEDED ->
                throw Refusal.because(
                        ErrorCode.APPROVAL_SUPERSEDED, "a later request for the same thing took this one's place");
            case PENDING -> {
                // decidable so far
            }
        }
        if (LocalDate.now(clock).isAfter(decidableUntil)) {
            throw Refusal.because(
                    ErrorCode.APPROVAL_EXPIRED, "this request could be decided until " + decidableUntil + " only");
        }
        if (checker == null || checker.isBlank() || checker.equals(requestedBy)) {
            throw Refusal.because(
                    ErrorCode.SELF_APPROVAL, "a request is decided by a second person, not by the one who made it");
        }
    }

    @EventSourcingHandler
    void on(ApprovalRequested event) {
        approvalId = event.approvalId();
        action = event.action();
        target = event.target();
        icsCode = event.icsCode();
        ccgCode = event.ccgCode();
        summary = event.summary();
        requestedBy = event.requestedBy();
        decidableUntil = event.decidableUntil();
        status = Status.PENDING;
    }

    @EventSourcingHandler
    void on(ApprovalGranted event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(ApprovalRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(ApprovalSuperseded event) {
        status = Status.SUPERSEDED;
    }
}
