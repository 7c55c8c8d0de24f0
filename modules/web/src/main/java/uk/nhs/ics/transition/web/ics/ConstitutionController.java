package uk.nhs.ics.transition.web.ics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
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
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.ics.AddAssuranceComment;
import uk.nhs.ics.transition.messages.ics.AgreeMou;
import uk.nhs.ics.transition.messages.ics.ApproveConstitution;
import uk.nhs.ics.transition.messages.ics.BoardGap;
import uk.nhs.ics.transition.messages.ics.CloseConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.DraftMou;
import uk.nhs.ics.transition.messages.ics.OpenConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.RecordConstitutionDraft;
import uk.nhs.ics.transition.messages.ics.ReturnConstitution;
import uk.nhs.ics.transition.messages.ics.SubmitConstitution;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.constitution.ConstitutionProjection;
import uk.nhs.ics.transition.projections.constitution.ConstitutionQueries;
import uk.nhs.ics.transition.projections.constitution.ConstitutionView;
import uk.nhs.ics.transition.web.approval.AwaitsSecondPerson;
import uk.nhs.ics.transition.web.approval.FourEyes;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.http.VersionedRead;
import uk.nhs.ics.transition.web.http.VersionedWrite;
import uk.nhs.ics.transition.web.http.WriteContext;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Grant;
import uk.nhs.ics.transition.web.security.Requires;

/**
 * The ICS NHS body's constitution and 2022/23 MoU, and assurance comments. The programme manager drafts, engages
 * and submits; the regional team approves or returns, agrees the MoU and comments.
 */
@RestController
@RequestMapping("/api/v1/systems/{icsCode}")
@Tag(name = "Constitution and MoU")
public class ConstitutionController {

    private final ConstitutionQueries constitution;
    private final Reads reads;
    private final FourEyes fourEyes;

    public ConstitutionController(ConstitutionQueries constitution, Reads reads, FourEyes fourEyes) {
        this.constitution = constitution;
        this.reads = reads;
        this.fourEyes = fourEyes;
    }

    @GetMapping("/constitution")
    @Requires(value = Action.READ_ICS, target = "icsCode")
    @VersionedRead
    @Operation(
            operationId = "getConstitution",
            description =
                    "The constitution's status and versions, its engagement, submission and the regional team's decision; the MoU's status; and the assurance comments.",
            summary = "Status, versions, submission, decision, MoU and assurance comments")
    public ResponseEntity<ConstitutionView> constitution(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            HttpServletRequest request) {
        AsOf knowledge = reads.asOf(asOf);
        if (knowledge.isNow()) {
            reads.awaitMinVersion(request, ConstitutionProjection.NAME, icsCode);
        }
        ConstitutionView view = Reads.found(constitution.constitution(icsCode, knowledge), "the ICS's constitution");
        return reads.versioned(request, view, view.version());
    }

    @PostMapping("/constitution/drafts")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "recordConstitutionDraft",
            description =
                    "Records a new draft version of the constitution by its document reference, with a summary of what changed.",
            summary = "Record a new draft version")
    public ResponseEntity<?> draft(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Valid @RequestBody ConstitutionRequests.Draft body,
            WriteContext write) {
        return write.execute(new RecordConstitutionDraft(
                IcsCode.of(icsCode), body.documentReference(), body.summary(), write.ifMatch()));
    }

    @PostMapping("/constitution/engagement/open")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "openConstitutionEngagement",
            description = "Opens engagement on the current draft.",
            summary = "Open engagement on the current draft")
    public ResponseEntity<?> openEngagement(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            WriteContext write) {
        return write.execute(new OpenConstitutionEngagement(IcsCode.of(icsCode), write.ifMatch()));
    }

    @PostMapping("/constitution/engagement/close")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "closeConstitutionEngagement",
            description = "Closes engagement on the draft.",
            summary = "Close engagement")
    public ResponseEntity<?> closeEngagement(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            WriteContext write) {
        return write.execute(new CloseConstitutionEngagement(IcsCode.of(icsCode), write.ifMatch()));
    }

    @PostMapping("/constitution/submit")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "submitConstitution",
            description =
                    "Submits the constitution for approval after engagement; if the board does not yet meet its minimum composition, each gap must be named with the plan to fill it.",
            summary = "Submit for approval; name each board gap with a plan if the minimum is not yet met")
    public ResponseEntity<?> submit(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Valid @RequestBody(required = false) ConstitutionRequests.Submission body,
            WriteContext write) {
        List<BoardGap> gaps = body == null || body.gaps() == null
                ? List.of()
                : body.gaps().stream()
                        .map(g -> new BoardGap(g.requirement(), g.plan()))
                        .toList();
        return write.execute(new SubmitConstitution(IcsCode.of(icsCode), gaps, write.ifMatch()));
    }

    @PostMapping("/constitution/approve")
    @Requires(value = Action.OVERSEE_ICS, target = "icsCode")
    @VersionedWrite
    @AwaitsSecondPerson
    @Operation(
            operationId = "approveConstitution",
            description =
                    "Approves a submitted constitution, with optional comments. Its second person (four eyes): another of the ICS's regional oversight team or the national team.",
            summary = "Approve a submitted constitution (regional team)")
    public ResponseEntity<?> approve(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Valid @RequestBody(required = false) ConstitutionRequests.Comments body,
            @Parameter(description = FourEyes.REASON) @RequestParam(required = false) @Size(max = Checks.LONG_TEXT) String reason,
            Caller caller,
            Grant grant,
            HttpServletRequest request) {
        String comments = body == null ? null : body.comments();
        return fourEyes.write(
                request,
                caller,
                grant,
                new FourEyes.Ask(
                        FourEyesAction.CONSTITUTION_APPROVAL,
                        icsCode,
                        icsCode,
                        icsCode,
                        null,
                        null,
                        "approve " + icsCode + "'s submitted constitution" + (comments == null ? "" : ": " + comments),
                        reason,
                        version -> new ApproveConstitution(IcsCode.of(icsCode), comments, version)));
    }

    @PostMapping("/constitution/return")
    @Requires(value = Action.OVERSEE_ICS, target = "icsCode")
    @VersionedWrite
    @AwaitsSecondPerson
    @Operation(
            operationId = "returnConstitution",
            description =
                    "Returns a submitted constitution with comments (required); it goes back to drafting. Its second person (four eyes): another of the ICS's regional oversight team or the national team.",
            summary = "Return a submitted constitution with comments; it goes back to drafting (regional team)")
    public ResponseEntity<?> returnConstitution(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Valid @RequestBody ConstitutionRequests.Comments body,
            @Parameter(description = FourEyes.REASON) @RequestParam(required = false) @Size(max = Checks.LONG_TEXT) String reason,
            Caller caller,
            Grant grant,
            HttpServletRequest request) {
        return fourEyes.write(
                request,
                caller,
                grant,
                new FourEyes.Ask(
                        FourEyesAction.CONSTITUTION_RETURN,
                        icsCode,
                        icsCode,
                        icsCode,
                        null,
                        null,
                        "return " + icsCode + "'s submitted constitution: " + body.comments(),
                        reason,
                        version -> new ReturnConstitution(IcsCode.of(icsCode), body.comments(), version)));
    }

    @PostMapping("/mou/draft")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "draftMou",
            description = "Records the draft 2022/23 memorandum of understanding by its document reference.",
            summary = "Record the draft 2022/23 MoU")
    public ResponseEntity<?> draftMou(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Valid @RequestBody ConstitutionRequests.MouDraft body,
            WriteContext write) {
        return write.execute(new DraftMou(IcsCode.of(icsCode), body.documentReference(), write.ifMatch()));
    }

    @PostMapping("/mou/agree")
    @Requires(value = Action.OVERSEE_ICS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "agreeMou",
            description = "Agrees the drafted 2022/23 memorandum of understanding.",
            summary = "Agree the 2022/23 MoU (regional team)")
    public ResponseEntity<?> agreeMou(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            WriteContext write) {
        return write.execute(new AgreeMou(IcsCode.of(icsCode), write.ifMatch()));
    }

    @PostMapping("/assurance-comments")
    @Requires(value = Action.OVERSEE_ICS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "addAssuranceComment",
            description =
                    "Adds an assurance comment on the ICS's readiness; it is kept in the constitution's record and the audit trail.",
            summary = "Add an assurance comment (regional or national team)")
    public ResponseEntity<?> comment(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Valid @RequestBody ConstitutionRequests.AssuranceComment body,
            WriteContext write) {
        return write.execute(new AddAssuranceComment(IcsCode.of(icsCode), body.comment(), write.ifMatch()));
    }
}
