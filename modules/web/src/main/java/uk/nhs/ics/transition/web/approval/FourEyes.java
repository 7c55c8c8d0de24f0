package uk.nhs.ics.transition.web.approval;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import uk.nhs.ics.transition.messages.approval.ApprovalRequested;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;
import uk.nhs.ics.transition.messages.approval.GrantApproval;
import uk.nhs.ics.transition.messages.approval.RejectApproval;
import uk.nhs.ics.transition.messages.approval.RequestApproval;
import uk.nhs.ics.transition.messages.approval.SupersedeApproval;
import uk.nhs.ics.transition.messages.ccg.AgreeTransferScheme;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.messages.ics.ApproveConstitution;
import uk.nhs.ics.transition.messages.ics.ReturnConstitution;
import uk.nhs.ics.transition.messages.ics.SignOffDueDiligence;
import uk.nhs.ics.transition.messages.programme.Rebaseline;
import uk.nhs.ics.transition.projections.approval.ApprovalQueries;
import uk.nhs.ics.transition.web.RequestIds;
import uk.nhs.ics.transition.web.command.CommandSender;
import uk.nhs.ics.transition.web.http.Versions;
import uk.nhs.ics.transition.web.http.Writes;
import uk.nhs.ics.transition.web.ops.OperationsController;
import uk.nhs.ics.transition.web.ops.ProjectionOperations;
import uk.nhs.ics.transition.web.ops.ProjectionStatus;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Grant;

/**
 * Maker and checker: an action that needs a second person ({@link FourEyesPolicy}) is not carried out when asked for.
 * Its command is tried out first (refused now, as it would be, if the rules refuse it; nothing stored), then it waits
 * as an approval with the exact command, pinned to the target's version ({@code If-Match}, or the version when asked),
 * answered 202 with the approval's location; a later request for the same thing supersedes it. When another person
 * with the right role and scope approves it, the approval and the command are stored together, through the one write
 * path ({@link Writes}): the command's actor is the maker, and the approver and the approval travel in its metadata
 * into every event it causes. If the target changed since, nothing is stored and the approval answers 412. An action
 * that needs no second person is carried out at once, as before. See docs/decisions/0025-four-eyes-approvals.md.
 */
public class FourEyes {

    /** The description of the {@code reason} a request for a second person may give. */
    public static final String REASON =
            "Why, for the second person who decides it when it waits for one (four eyes); recorded with the request";

    /** The {@code commandType} of an operation (a replay or a retry), which is not a command of the domain. */
    static final String OPERATION = "operation";

    private final FourEyesPolicy policy;
    private final ApprovalRules rules;
    private final ApprovalQueries approvals;
    private final Writes writes;
    private final CommandSender sender;
    private final EventStore eventStore;
    private final Serializer serializer;
    private final ProjectionOperations administration;

    public FourEyes(
            FourEyesPolicy policy,
            ApprovalRules rules,
            ApprovalQueries approvals,
            Writes writes,
            CommandSender sender,
            EventStore eventStore,
            Serializer serializer,
            ProjectionOperations administration) {
        this.policy = policy;
        this.rules = rules;
        this.approvals = approvals;
        this.writes = writes;
        this.sender = sender;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.administration = administration;
    }

    /**
     * What a controller asks for.
     *
     * @param action the action
     * @param target the aggregate the command goes to
     * @param authority the ICS whose people may decide it, or null for the national team
     * @param icsCode the ICS it is about, if any
     * @param ccgCode the CCG it is about, if any
     * @param detail what tells this request apart from another of the same action on the same target (a signatory's
     *     capacity, a party): a later request with the same detail supersedes an earlier one
     * @param summary the request in words
     * @param reason why, if given
     * @param command the command, given the target's version it must find (null: whatever it is)
     */
    public record Ask(
            FourEyesAction action,
            String target,
            String authority,
            String icsCode,
            String ccgCode,
            String detail,
            String summary,
            String reason,
            Function<Long, Object> command) {}

    /** A request that now waits for a second person: the answer to the first person (202). */
    @Schema(
            name = "ApprovalPending",
            description = "A request that waits for a second person (four eyes): approve or reject it at `location`")
    public record Pending(
            @Schema(description = "The approval's identifier")
            String approvalId,

            @Schema(description = "`PENDING`") String status,
            FourEyesAction action,

            @Schema(description = "What was asked for, in words")
            String summary,

            @Schema(description = "The approval, as `getApproval` answers it")
            String location) {}

    /** A request decided. */
    @Schema(name = "ApprovalDecision", description = "A request decided by its second person")
    public record Decided(
            @Schema(description = "The approval's identifier")
            String approvalId,

            @Schema(description = "`APPROVED` or `REJECTED`")
            String status,

            @Schema(description = "The approval's version after the decision")
            long version,

            @Schema(
                    description = "For an approved operation, what it answered: a replay's projection state, or"
                            + " how many dead letters remain after a retry (`remaining`); absent otherwise")
            Object result) {}

    // ---------------------------------------------------------------- asking

    /** Carries the command out, or, when the action needs a second person, asks for one. */
    public ResponseEntity<?> write(HttpServletRequest request, Caller caller, Grant grant, Ask ask) {
        Long ifMatch = Versions.ifMatch(request);
        if (!policy.needsSecondPerson(ask.action())) {
            return writes.execute(request, caller, grant, ask.command().apply(ifMatch));
        }
        Object asked = ask.command().apply(ifMatch);
        Object[] pinned = new Object[2];
        if (!writes.answered(request, caller)) {
            Long version = ifMatch != null
                    ? ifMatch
                    : eventStore.lastSequenceNumberFor(ask.target()).orElse(null);
            Object command = ask.command().apply(version);
            writes.tryOut(request, caller, grant, command);
            pinned[0] = version;
            pinned[1] = command;
        }
        SerializedObject<String> serialized = pinned[1] == null ? null : serializer.serialize(pinned[1], String.class);
        return ask(
                request,
                caller,
                grant,
                ask,
                List.of(ask.action(), ask.target(), String.valueOf(ask.detail()), asked, String.valueOf(ask.reason())),
                () -> (Long) pinned[0],
                () -> pinned[1].getClass().getName(),
                () -> serialized.getData());
    }

    /**
     * Carries the operation out, or, when it needs a second person, asks for one. The read model must exist, and a
     * replay must be of a read model not already being replayed, when asked as when approved.
     */
    public ResponseEntity<?> operate(
            HttpServletRequest request,
            Caller caller,
            Grant grant,
            FourEyesAction action,
            String processor,
            String reason,
            Supplier<ResponseEntity<?>> now) {
        if (!policy.needsSecondPerson(action)) {
            return now.get();
        }
        checkOperation(action, processor);
        String summary = action == FourEyesAction.PROJECTION_REPLAY
                ? "replay the " + processor + " read model from the start of history"
                : "retry the dead letters of the " + processor + " read model";
        Ask ask = new Ask(action, processor, null, null, null, processor, summary, reason, version -> processor);
        String command = "{\"processor\":\"" + processor + "\"}";
        return ask(
                request,
                caller,
                grant,
                ask,
                List.of(action, processor, String.valueOf(reason)),
                () -> null,
                () -> OPERATION,
                () -> command);
    }

    private ResponseEntity<?> ask(
            HttpServletRequest request,
            Caller caller,
            Grant grant,
            Ask ask,
            Object fingerprint,
            Supplier<Long> version,
            Supplier<String> commandType,
            Supplier<String> command) {
        String approvalId = approvalId(request, caller);
        String subject = subject(ask);
        return writes.executeTogether(
                request,
                caller,
                fingerprint,
                () -> {
                    for (String earlier : approvals.pendingFor(subject)) {
                        sender.send(
                                new SupersedeApproval(earlier, approvalId),
                                caller,
                                grant.role(),
                                grant.scope(),
                                request);
                    }
                    return sender.send(
                            new RequestApproval(
                                    approvalId,
                                    ask.action(),
                                    subject,
                                    ask.target(),
                                    ask.authority(),
                                    ask.icsCode(),
                                    ask.ccgCode(),
                                    version.get(),
                                    commandType.get(),
                                    command.get(),
                                    ask.summary(),
                                    ask.reason(),
                                    policy.lifetimeDays()),
                            caller,
                            grant.role(),
                            grant.scope(),
                            request);
                },
                outcome -> {
                    String location = ApprovalsController.PATH + "/" + approvalId;
                    return ResponseEntity.status(HttpStatus.ACCEPTED)
                            .location(URI.create(location))
                            .eTag(Versions.etag(outcome.version()))
                            .body(new Pending(approvalId, "PENDING", ask.action(), ask.summary(), location));
                });
    }

    /** A retry with the same {@code Idempotency-Key} names the same approval; any other request a new one. */
    private static String approvalId(HttpServletRequest request, Caller caller) {
        String key = request.getHeader(Writes.IDEMPOTENCY_KEY);
        return key == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((caller.subject() + "\n" + key).getBytes(StandardCharsets.UTF_8))
                        .toString();
    }

    /** The thing asked for: a constitution's approval and its return are one decision, and supersede each other. */
    private static String subject(Ask ask) {
        String kind =
                switch (ask.action()) {
                    case CONSTITUTION_APPROVAL, CONSTITUTION_RETURN -> "CONSTITUTION_DECISION";
                    default -> ask.action().name();
                };
        return kind + ":" + ask.target() + ":" + Objects.requireNonNullElse(ask.detail(), "");
    }

    private void checkOperation(FourEyesAction action, String processor) {
        ProjectionStatus status = administration.status(processor);
        if (action == FourEyesAction.PROJECTION_REPLAY && status.kind() != ProjectionStatus.Kind.PROJECTION) {
            throw new RuleViolation(
                    ErrorCode.INVALID_INPUT, "name", processor + " is not a read model and is never replayed");
        }
        // a replay waiting to begin (on any node) or catching up: 409, as when no second person is needed
        if (action == FourEyesAction.PROJECTION_REPLAY
                && (status.replaying() || administration.restarting(processor))) {
            throw new ProjectionOperations.ReplayInProgress(processor);
        }
    }

    // ---------------------------------------------------------------- deciding

    /** The request as its first event recorded it, with who made it (from that event's metadata). */
    record Requested(ApprovalRequested facts, CommandSender.Maker maker) {}

    /**
     * The request, read from the event store (not the read model, which may not have caught up with it yet).
     *
     * @throws RuleViolation {@code UNKNOWN_APPROVAL} if there is none by that identifier
     */
    Requested requested(String approvalId) {
        DomainEventStream events = eventStore.readEvents(approvalId);
        if (!events.hasNext()) {
            throw new RuleViolation(ErrorCode.UNKNOWN_APPROVAL, "approvalId", "no approval " + approvalId);
        }
        DomainEventMessage<?> first = events.next();
        if (!(first.getPayload() instanceof ApprovalRequested facts)) {
            throw new RuleViolation(ErrorCode.UNKNOWN_APPROVAL, "approvalId", "no approval " + approvalId);
        }
        Map<String, ?> metadata = first.getMetaData();
        return new Requested(
                facts,
                new CommandSender.Maker(
                        facts.requestedBy(),
                        text(metadata.get(MetadataKeys.ACTOR_NAME)),
                        text(metadata.get(MetadataKeys.ACTOR_ROLE)),
                        text(metadata.get(MetadataKeys.ACTOR_SCOPE))));
    }

    /** The grant that lets the caller decide the request; 403 without one. */
    Grant decider(Caller caller, ApprovalRequested facts) {
        return rules.grant(caller, facts.action(), facts.authority())
                .orElseThrow(() -> new AccessDeniedException(
                        "only someone who may " + facts.action().words() + " here decides this request"));
    }

    /**
     * Approves the request and carries out its command, together; for an operation, carries it out once the
     * approval is stored.
     */
    public ResponseEntity<?> approve(HttpServletRequest request, Caller caller, String approvalId) {
        Requested requested = requested(approvalId);
        ApprovalRequested facts = requested.facts();
        Grant grant = decider(caller, facts);
        List<Object> fingerprint = List.of("approve", approvalId);
        if (facts.commandType().equals(OPERATION)) {
            boolean retry = writes.answered(request, caller);
            if (!retry) {
                checkOperation(facts.action(), facts.target());
            }
            ResponseEntity<?> granted = writes.executeTogether(
                    request,
                    caller,
                    fingerprint,
                    () -> sender.send(new GrantApproval(approvalId), caller, grant.role(), grant.scope(), request),
                    outcome -> new Decided(approvalId, "APPROVED", outcome.version(), null));
            if (retry) {
                return granted;
            }
            Object result = facts.action() == FourEyesAction.PROJECTION_REPLAY
                    ? administration.replay(facts.target(), facts.requestedBy(), RequestIds.of(request))
                    : new OperationsController.RetryAnswer(administration.retryDeadLetters(facts.target()));
            return ResponseEntity.status(granted.getStatusCode())
                    .headers(granted.getHeaders())
                    .body(new Decided(approvalId, "APPROVED", ((Decided) granted.getBody()).version(), result));
        }
        Object command = command(facts);
        return writes.executeTogether(
                request,
                caller,
                fingerprint,
                () -> {
                    sender.send(new GrantApproval(approvalId), caller, grant.role(), grant.scope(), request);
                    try {
                        return sender.sendApproved(
                                command, requested.maker(), approvalId, caller, grant.role(), grant.scope(), request);
                    } catch (ConflictingAggregateVersionException changed) {
                        throw new RuleViolation(
                                ErrorCode.APPROVAL_TARGET_CHANGED,
                                facts.target() + " has changed since this was asked for (version "
                                        + facts.targetVersion() + ", now " + changed.getActualVersion()
                                        + "): nothing was approved; ask again");
                    }
                },
                outcome -> ResponseEntity.ok()
                        .eTag(Versions.etag(outcome.version()))
                        .body(new Decided(approvalId, "APPROVED", outcome.version(), null)));
    }

    /** Rejects the request, with the reason; nothing it asked for happens. */
    public ResponseEntity<?> reject(HttpServletRequest request, Caller caller, String approvalId, String reason) {
        Requested requested = requested(approvalId);
        Grant grant = decider(caller, requested.facts());
        return writes.execute(
                request,
                caller,
                grant,
                new RejectApproval(approvalId, reason),
                outcome -> new Decided(approvalId, "REJECTED", outcome.version(), null));
    }

    /** The exact command the request holds, of the one type its action may carry. */
    private Object command(ApprovalRequested facts) {
        Class<?> expected =
                switch (facts.action()) {
                    case DUE_DILIGENCE_SIGN_OFF -> SignOffDueDiligence.class;
                    case CONSTITUTION_APPROVAL -> ApproveConstitution.class;
                    case CONSTITUTION_RETURN -> ReturnConstitution.class;
                    case REBASELINE -> Rebaseline.class;
                    case TRANSFER_SCHEME_AGREEMENT -> AgreeTransferScheme.class;
                    case DEAD_LETTER_RETRY, PROJECTION_REPLAY ->
                        throw new IllegalStateException(facts.action() + " is an operation, not a command");
                };
        if (!expected.getName().equals(facts.commandType())) {
            throw new IllegalStateException("approval " + facts.approvalId() + " holds a " + facts.commandType()
                    + ", which " + facts.action() + " never asks for");
        }
        return serializer.deserialize(
                new SimpleSerializedObject<>(facts.command(), String.class, facts.commandType(), null));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
