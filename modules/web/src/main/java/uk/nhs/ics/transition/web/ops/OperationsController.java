package uk.nhs.ics.transition.web.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.operations.ServiceOperationsId;
import uk.nhs.ics.transition.messages.operations.SkipDeadLetter;
import uk.nhs.ics.transition.web.RequestIds;
import uk.nhs.ics.transition.web.approval.AwaitsSecondPerson;
import uk.nhs.ics.transition.web.approval.FourEyes;
import uk.nhs.ics.transition.web.command.CommandSender;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Grant;
import uk.nhs.ics.transition.web.security.Requires;

/** The projections, for operators: where each stands, replays, dead letters. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
public class OperationsController {

    private static final String PROJECTION =
            "A projection's name, as `listProjections` names it (such as `milestones`)";

    private final ProjectionOperations administration;
    private final CommandSender sender;
    private final FourEyes fourEyes;

    public OperationsController(ProjectionOperations administration, CommandSender sender, FourEyes fourEyes) {
        this.administration = administration;
        this.sender = sender;
        this.fourEyes = fourEyes;
    }

    /** Why a dead letter is skipped: required, recorded in the audit trail with who skipped it. */
    @Schema(
            example =
                    "{\"reason\": \"The event refers to a CCG the read model never knew; repaired by replay on 3 March\"}")
    public record SkipReason(
            @NotBlank @Size(max = Checks.LONG_TEXT) String reason) {}

    /** The dead letter skipped, and where the record of it stands. */
    public record Skipped(DeadLetterView skipped, long version) {}

    /** How many dead letters remain after a retry. */
    public record RetryAnswer(long remaining) {}

    @GetMapping
    @Requires(Action.OBSERVE_OPERATIONS)
    @Operation(
            operationId = "listProjections",
            description =
                    "Each read model's projection: its position in the event store, lag in events, replay state and progress, and dead letters.",
            summary = "Each projection: position, lag in events, replay state and progress %")
    public List<ProjectionStatus> projections() {
        return administration.statuses();
    }

    @GetMapping("/{name}")
    @Requires(Action.OBSERVE_OPERATIONS)
    @Operation(
            operationId = "getProjection",
            description = "One projection's position, lag, replay state and progress.",
            summary = "One projection's position, lag, replay state and progress")
    public ProjectionStatus projection(@Parameter(description = PROJECTION) @PathVariable String name) {
        return administration.status(name);
    }

    @PostMapping("/{name}/replay")
    @Requires(Action.OPERATE)
    @AwaitsSecondPerson
    @ApiResponse(
            responseCode = "202",
            description = "The replay is recorded: its state (with four eyes, the approval that waits for a second"
                    + " person instead, an `ApprovalPending`)",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectionStatus.class)))
    @Operation(
            operationId = "replayProjection",
            description = "Rebuilds a read model from the start of history. Reads keep answering meanwhile, from a copy"
                    + " of the read model as it was when the replay began. The request is recorded before it is"
                    + " accepted (202), and carried out by whichever node of the service gets to it, also after a"
                    + " crash. 409 while a replay of it is waiting or catching up. With four eyes, it waits for another"
                    + " of the national team, and is recorded once approved.",
            summary = "Rebuild a read model from the start of history; the service keeps answering meanwhile")
    public ResponseEntity<?> replay(
            @Parameter(description = PROJECTION) @PathVariable String name,
            @Parameter(description = FourEyes.REASON) @RequestParam(required = false) @Size(max = Checks.LONG_TEXT) String reason,
            Caller caller,
            Grant grant,
            HttpServletRequest request) {
        return fourEyes.operate(
                request, caller, grant, FourEyesAction.PROJECTION_REPLAY, name, reason, () -> ResponseEntity.status(
                                HttpStatus.ACCEPTED)
                        .body(administration.replay(name, caller.subject(), RequestIds.of(request))));
    }

    @GetMapping("/{name}/dead-letters")
    @Requires(Action.OBSERVE_OPERATIONS)
    @Operation(
            operationId = "listDeadLetters",
            description = "The events a projection could not handle, with their cause, oldest first.",
            summary = "Events the projection could not handle, with their cause")
    public List<DeadLetterView> deadLetters(@Parameter(description = PROJECTION) @PathVariable String name) {
        return administration.deadLetters(name);
    }

    @PostMapping("/{name}/dead-letters/{eventIdentifier}/skip")
    @Requires(Action.OPERATE)
    @Operation(
            operationId = "skipDeadLetter",
            summary = "Set a dead letter aside for good, so the events parked behind it can be retried",
            description = "For an event that cannot succeed on retry. The skip is recorded as an event, with who and"
                    + " why, before the letter leaves the queue; the read model will never show that event.")
    public Skipped skip(
            @Parameter(description = PROJECTION) @PathVariable String name,
            @Parameter(description = "The dead-lettered event's identifier")
                    @PathVariable
                    @Pattern(regexp = "[0-9A-Za-z-]{1,64}", message = "must be an event identifier") String eventIdentifier,
            @Valid @RequestBody SkipReason body,
            Caller caller,
            Grant grant,
            HttpServletRequest request) {
        long[] version = new long[1];
        DeadLetterView skipped = administration.skipDeadLetter(
                name,
                eventIdentifier,
                letter -> version[0] = sender.send(
                                new SkipDeadLetter(
                                        ServiceOperationsId.ID,
                                        name,
                                        eventIdentifier,
                                        letter.aggregate(),
                                        letter.aggregateVersion(),
                                        body.reason()),
                                caller,
                                grant.role(),
                                grant.scope(),
                                request)
                        .version());
        return new Skipped(skipped, version[0]);
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Requires(Action.OPERATE)
    @AwaitsSecondPerson
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RetryAnswer.class)))
    @Operation(
            operationId = "retryDeadLetters",
            description = "Retries every dead-lettered event of the projection once, and answers how many remain. With"
                    + " four eyes, it waits for another of the national team, and is carried out once approved.",
            summary = "Retry every dead-lettered event once; answers how many remain")
    public ResponseEntity<?> retry(
            @Parameter(description = PROJECTION) @PathVariable String name,
            @Parameter(description = FourEyes.REASON) @RequestParam(required = false) @Size(max = Checks.LONG_TEXT) String reason,
            Caller caller,
            Grant grant,
            HttpServletRequest request) {
        return fourEyes.operate(
                request,
                caller,
                grant,
                FourEyesAction.DEAD_LETTER_RETRY,
                name,
                reason,
                () -> ResponseEntity.ok(new RetryAnswer(administration.retryDeadLetters(name))));
    }
}
