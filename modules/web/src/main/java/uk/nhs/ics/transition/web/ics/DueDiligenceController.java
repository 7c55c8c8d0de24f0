package uk.nhs.ics.transition.web.ics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
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
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.ics.AssessDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemId;
import uk.nhs.ics.transition.messages.ics.RaiseDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.SignOffDueDiligence;
import uk.nhs.ics.transition.messages.ics.StartDueDiligencePlanning;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceProjection;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceQueries;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceView;
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

/** An ICS's due diligence: planning, items in the ten areas, assessment, sign-off. */
@RestController
@RequestMapping("/api/v1/systems/{icsCode}/due-diligence")
@Tag(name = "Due diligence")
public class DueDiligenceController {

    private final DueDiligenceQueries dueDiligence;
    private final Reads reads;
    private final FourEyes fourEyes;

    public DueDiligenceController(DueDiligenceQueries dueDiligence, Reads reads, FourEyes fourEyes) {
        this.dueDiligence = dueDiligence;
        this.reads = reads;
        this.fourEyes = fourEyes;
    }

    @GetMapping
    @Requires(value = Action.READ_ICS, target = "icsCode")
    @VersionedRead
    @Operation(
            operationId = "getDueDiligence",
            description =
                    "Due diligence of the ICS: its status, items by area with their assessments, open issues by risk, and the sign-offs given and still needed.",
            summary = "Status, items by area, open issues and sign-offs")
    public ResponseEntity<DueDiligenceView> dueDiligence(
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
            reads.awaitMinVersion(request, DueDiligenceProjection.NAME, icsCode);
        }
        DueDiligenceView view = Reads.found(dueDiligence.dueDiligence(icsCode, knowledge), "the ICS's due diligence");
        return reads.versioned(request, view, view.version());
    }

    @PostMapping("/start-planning")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "startDueDiligencePlanning",
            description = "Starts due diligence planning; items can then be raised.",
            summary = "Start due diligence planning")
    public ResponseEntity<?> startPlanning(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            WriteContext write) {
        return write.execute(new StartDueDiligencePlanning(IcsCode.of(icsCode), write.ifMatch()));
    }

    @PostMapping("/items")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "raiseDueDiligenceItem",
            description = "Raises an item in one of the ten areas. The answer names it (`itemId`) for its assessment.",
            summary = "Raise an item in one of the ten areas; answers with its itemId")
    public ResponseEntity<?> raise(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Valid @RequestBody DueDiligenceRequests.Item body,
            WriteContext write) {
        return write.execute(
                new RaiseDueDiligenceItem(IcsCode.of(icsCode), body.category(), body.title(), write.ifMatch()));
    }

    @PostMapping("/items/{itemId}/assess")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "assessDueDiligenceItem",
            description =
                    "Assesses an item as `ASSURED`, or as an `ISSUE` with its risk (`LOW`, `MEDIUM`, `HIGH`) and, ideally, a mitigation.",
            summary = "Assess an item: ASSURED, or ISSUE with its risk and mitigation")
    public ResponseEntity<?> assess(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(description = "A due diligence item, as `raiseDueDiligenceItem` named it (such as `DD-1`)")
                    @PathVariable
                    String itemId,
            @Valid @RequestBody DueDiligenceRequests.Assessment body,
            WriteContext write) {
        return write.execute(new AssessDueDiligenceItem(
                IcsCode.of(icsCode),
                DueDiligenceItemId.of(itemId),
                body.outcome(),
                body.risk(),
                body.mitigation(),
                write.ifMatch()));
    }

    @PostMapping("/sign-off")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @AwaitsSecondPerson
    @Operation(
            operationId = "signOffDueDiligence",
            description =
                    "Signs off due diligence as a predecessor CCG's accountable officer (naming the CCG) or as the designate chief executive; every item must be assessed and no high risk left without mitigation. Its second person (four eyes): another of the ICS's programme managers.",
            summary = "Sign off, as a predecessor CCG's accountable officer or the designate chief executive")
    public ResponseEntity<?> signOff(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Valid @RequestBody DueDiligenceRequests.SignOff body,
            @Parameter(description = FourEyes.REASON) @RequestParam(required = false) @Size(max = Checks.LONG_TEXT) String reason,
            Caller caller,
            Grant grant,
            HttpServletRequest request) {
        CcgCode ccg = body.ccgCode() == null ? null : CcgCode.of(body.ccgCode());
        return fourEyes.write(
                request,
                caller,
                grant,
                new FourEyes.Ask(
                        FourEyesAction.DUE_DILIGENCE_SIGN_OFF,
                        icsCode,
                        icsCode,
                        icsCode,
                        null,
                        body.capacity() + (ccg == null ? "" : ":" + ccg.value()),
                        "sign off " + icsCode + "'s due diligence as "
                                + body.capacity()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' ')
                                + (ccg == null ? "" : " of " + ccg.value()) + ": " + body.signatory(),
                        reason,
                        version -> new SignOffDueDiligence(
                                IcsCode.of(icsCode), body.signatory(), body.capacity(), ccg, version)));
    }
}
