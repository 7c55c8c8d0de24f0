package uk.nhs.ics.transition.web.approval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.approval.ApprovalQueries;
import uk.nhs.ics.transition.projections.approval.ApprovalView;
import uk.nhs.ics.transition.web.OpenApiConfiguration;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.http.Writes;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Requires;
import uk.nhs.ics.transition.web.security.Role;

/** Requests that wait for a second person (four eyes): what the caller may decide, one request, its decision. */
@RestController
@RequestMapping(ApprovalsController.PATH)
@Tag(name = "Approvals")
public class ApprovalsController {

    static final String PATH = "/api/v1/approvals";
    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final FourEyes fourEyes;
    private final ApprovalQueries approvals;
    private final ApprovalRules rules;
    private final Clock clock;

    public ApprovalsController(FourEyes fourEyes, ApprovalQueries approvals, ApprovalRules rules, Clock clock) {
        this.fourEyes = fourEyes;
        this.approvals = approvals;
        this.rules = rules;
        this.clock = clock;
    }

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/" + OpenApiConfiguration.PROBLEM;
    private static final String APPROVAL_ID =
            "An approval's identifier (a UUID), as the 202 of the request that waits for it names it";
    private static final String IDEMPOTENCY = "Retries with the same key get the first answer and change nothing more"
            + " (1 to 200 letters, digits or `._:-`)";
    private static final String DECIDERS = " Only someone who may do what it asks, where it asks it (the same role and"
            + " scope as its maker needed), decides it, and never its maker.";

    /** Why a request is rejected: required, recorded with who rejected it. */
    @Schema(example = "{\"reason\": \"The signatory is not the accountable officer named in the scheme\"}")
    public record Rejection(
            @NotBlank @Size(max = Checks.LONG_TEXT) String reason) {}

    @GetMapping
    @Requires(Action.READ_REFERENCE)
    @Operation(
            operationId = "listApprovals",
            description =
                    "The requests waiting for a second person (four eyes) that the caller may decide: pending, not expired, not their own, and about something their role and scope allow, oldest first.",
            summary = "The requests waiting for a second person that the caller may decide: pending, not expired, not"
                    + " their own, and about something their role and scope allow, oldest first")
    public Page<ApprovalView> approvable(
            @Parameter(description = Reads.PAGE) @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(
                            description = Reads.SIZE,
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            maximum = "" + PageRequest.MAX_SIZE,
                                            defaultValue = "" + PageRequest.DEFAULT_SIZE))
                    @RequestParam(defaultValue = "50")
                    @Min(1) int size,
            Caller caller) {
        PageRequest paging = new PageRequest(page, size);
        List<ApprovalView> mine = approvals.pending(LocalDate.now(clock)).stream()
                .filter(row -> !row.view().requestedBy().equals(caller.subject()))
                .filter(row -> rules.grant(caller, row.view().action(), row.authority())
                        .isPresent())
                .map(ApprovalQueries.Row::view)
                .toList();
        List<ApprovalView> items =
                mine.stream().skip(paging.offset()).limit(paging.size()).toList();
        return new Page<>(items, paging.page(), paging.size(), mine.size());
    }

    @GetMapping("/{approvalId}")
    @Requires(Action.READ_REFERENCE)
    @Operation(
            operationId = "getApproval",
            description =
                    "One request for a second person: what, why, the exact command, who asked and when, until when it waits, and how it was decided (status `PENDING`, `APPROVED`, `REJECTED`, `SUPERSEDED` or `EXPIRED`). Its maker, whoever may decide it, the national team and auditors read it.",
            summary = "One request: what, why, the exact command, who asked and when, until when it waits, and how it"
                    + " was decided (status PENDING, APPROVED, REJECTED, SUPERSEDED or EXPIRED)")
    public ApprovalView approval(
            @Parameter(description = APPROVAL_ID)
                    @PathVariable
                    @Pattern(regexp = ID, message = "must be an approval id") String approvalId,
            Caller caller) {
        ApprovalQueries.Row row = approvals
                .approval(approvalId, LocalDate.now(clock))
                .orElseThrow(
                        () -> new RuleViolation(ErrorCode.UNKNOWN_APPROVAL, "approvalId", "no approval " + approvalId));
        boolean mayRead = row.view().requestedBy().equals(caller.subject())
                || caller.has(Role.AUDITOR)
                || caller.has(Role.NATIONAL_PROGRAMME)
                || rules.grant(caller, row.view().action(), row.authority()).isPresent();
        if (!mayRead) {
            throw new AccessDeniedException("your roles do not allow this here");
        }
        return row.view();
    }

    @PostMapping("/{approvalId}/approve")
    @Requires(Action.READ_REFERENCE)
    @Operation(
            operationId = "grantApproval",
            description = "Approves a request as its second person: its command is carried out at once, recorded with"
                    + " both people (a replay or a retry of dead letters, once the approval is recorded). Refused"
                    + " for its maker (`SELF_APPROVAL`), once decided (`APPROVAL_DECIDED`), superseded by a later"
                    + " request (`APPROVAL_SUPERSEDED`) or expired (`APPROVAL_EXPIRED`), and with 412"
                    + " (`APPROVAL_TARGET_CHANGED`) if its target has changed since it was asked for; a rule of the"
                    + " domain that refuses the command then refuses the approval too."
                    + DECIDERS,
            summary = "Approve a request as its second person: its command is carried out at once, recorded with both"
                    + " people; refused for its maker, once decided, superseded or expired, and with 412 if its target"
                    + " has changed since it was asked for",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Approved, and what it asked for carried out",
                        headers =
                                @Header(
                                        name = "ETag",
                                        description = "The version of what was changed (of the approval, for an"
                                                + " operation)",
                                        schema = @Schema(type = "string", example = "\"12\"")),
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = FourEyes.Decided.class))),
                @ApiResponse(
                        responseCode = "409",
                        description = "Refused: its maker, decided, superseded, expired, or a rule of the domain (see"
                                + " `code`)",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(
                        responseCode = "412",
                        description = "Its target has changed since it was asked for (`APPROVAL_TARGET_CHANGED`):"
                                + " nothing was approved; ask again",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
            })
    @Parameter(
            in = ParameterIn.HEADER,
            name = Writes.IDEMPOTENCY_KEY,
            description = IDEMPOTENCY,
            schema = @Schema(type = "string", example = "approve-2021-09-01"))
    public ResponseEntity<?> approve(
            @Parameter(description = APPROVAL_ID)
                    @PathVariable
                    @Pattern(regexp = ID, message = "must be an approval id") String approvalId,
            Caller caller,
            HttpServletRequest request) {
        return fourEyes.approve(request, caller, approvalId);
    }

    @PostMapping("/{approvalId}/reject")
    @Requires(Action.READ_REFERENCE)
    @Operation(
            operationId = "rejectApproval",
            description = "Rejects a request as its second person, saying why; nothing it asked for happens. Refused"
                    + " for its maker, and once decided, superseded or expired."
                    + DECIDERS,
            summary = "Reject a request as its second person, saying why; nothing it asked for happens",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Rejected",
                        headers =
                                @Header(
                                        name = "ETag",
                                        description = "The approval's version after the decision",
                                        schema = @Schema(type = "string", example = "\"12\"")),
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = FourEyes.Decided.class))),
                @ApiResponse(
                        responseCode = "409",
                        description = "Refused: its maker, decided, superseded or expired (see `code`)",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
            })
    @Parameter(
            in = ParameterIn.HEADER,
            name = Writes.IDEMPOTENCY_KEY,
            description = IDEMPOTENCY,
            schema = @Schema(type = "string", example = "reject-2021-09-01"))
    public ResponseEntity<?> reject(
            @Parameter(description = APPROVAL_ID)
                    @PathVariable
                    @Pattern(regexp = ID, message = "must be an approval id") String approvalId,
            @Valid @RequestBody Rejection body,
            Caller caller,
            HttpServletRequest request) {
        return fourEyes.reject(request, caller, approvalId, body.reason());
    }
}
