package uk.nhs.ics.transition.web.approval;

import io.swagger.v3.oas.annotations.Operation;
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
import uk.nhs.ics.transition.messages.approval.FourEyesAction;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.approval.ApprovalQueries;
import uk.nhs.ics.transition.projections.approval.ApprovalView;
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

    /** Why a request is rejected: required, recorded with who rejected it. */
    public record Rejection(
            @NotBlank @Size(max = Checks.LONG_TEXT) String reason) {}

    @GetMapping
    @Requires(Action.READ_REFERENCE)
    @Operation(
            summary = "The requests waiting for a second person that the caller may decide: pending, not expired, not"
                    + " their own, and about something their role and scope allow, oldest first")
    public Page<ApprovalView> approvable(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) int size,
            Caller caller) {
        PageRequest paging = new PageRequest(page, size);
        List<ApprovalView> mine = approvals.pending(LocalDate.now(clock)).stream()
                .filter(row -> !row.view().requestedBy().equals(caller.subject()))
                .filter(row -> rules.grant(
                                caller, FourEyesAction.valueOf(row.view().action()), row.authority())
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
            summary = "One request: what, why, the exact command, who asked and when, until when it waits, and how it"
                    + " was decided (status PENDING, APPROVED, REJECTED, SUPERSEDED or EXPIRED)")
    public ApprovalView approval(
            @PathVariable @Pattern(regexp = ID, message = "must be an approval id") String approvalId, Caller caller) {
        ApprovalQueries.Row row = approvals
                .approval(approvalId, LocalDate.now(clock))
                .orElseThrow(
                        () -> new RuleViolation(ErrorCode.UNKNOWN_APPROVAL, "approvalId", "no approval " + approvalId));
        boolean mayRead = row.view().requestedBy().equals(caller.subject())
                || caller.has(Role.AUDITOR)
                || caller.has(Role.NATIONAL_PROGRAMME)
                || rules.grant(caller, FourEyesAction.valueOf(row.view().action()), row.authority())
                        .isPresent();
        if (!mayRead) {
            throw new AccessDeniedException("your roles do not allow this here");
        }
        return row.view();
    }

    @PostMapping("/{approvalId}/approve")
    @Requires(Action.READ_REFERENCE)
    @Operation(
            summary = "Approve a request as its second person: its command is carried out at once, recorded with both"
                    + " people; refused for its maker, once decided, superseded or expired, and with 412 if its target"
                    + " has changed since it was asked for")
    public ResponseEntity<?> approve(
            @PathVariable @Pattern(regexp = ID, message = "must be an approval id") String approvalId,
            Caller caller,
            HttpServletRequest request) {
        return fourEyes.approve(request, caller, approvalId);
    }

    @PostMapping("/{approvalId}/reject")
    @Requires(Action.READ_REFERENCE)
    @Operation(summary = "Reject a request as its second person, saying why; nothing it asked for happens")
    public ResponseEntity<?> reject(
            @PathVariable @Pattern(regexp = ID, message = "must be an approval id") String approvalId,
            @Valid @RequestBody Rejection body,
            Caller caller,
            HttpServletRequest request) {
        return fourEyes.reject(request, caller, approvalId, body.reason());
    }
}
