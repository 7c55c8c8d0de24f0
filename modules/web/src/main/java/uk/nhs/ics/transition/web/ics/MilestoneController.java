package uk.nhs.ics.transition.web.ics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.messages.ics.ClearMilestoneRisk;
import uk.nhs.ics.transition.messages.ics.CompleteMilestone;
import uk.nhs.ics.transition.messages.ics.FlagMilestoneAtRisk;
import uk.nhs.ics.transition.messages.ics.ReopenMilestone;
import uk.nhs.ics.transition.messages.ics.StartMilestone;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.ProjectionPositions;
import uk.nhs.ics.transition.projections.milestones.MilestonesProjection;
import uk.nhs.ics.transition.projections.readiness.MilestoneView;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;
import uk.nhs.ics.transition.web.csv.CsvAnswer;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.http.VersionedRead;
import uk.nhs.ics.transition.web.http.VersionedWrite;
import uk.nhs.ics.transition.web.http.WriteContext;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Requires;

/** An ICS's milestones: read them rated at a date, and move the manual ones. */
@RestController
@RequestMapping("/api/v1/systems/{icsCode}/milestones")
@Tag(name = "Milestones")
public class MilestoneController {

    private final ReadinessQueries readiness;
    private final ProjectionPositions positions;
    private final Reads reads;

    public MilestoneController(ReadinessQueries readiness, ProjectionPositions positions, Reads reads) {
        this.readiness = readiness;
        this.positions = positions;
        this.reads = reads;
    }

    @GetMapping
    @Requires(value = Action.READ_ICS, target = "icsCode")
    @VersionedRead
    @CsvAnswer(rows = "one row per milestone")
    @Operation(
            operationId = "listMilestones",
            description =
                    "Every milestone of the ICS with its quarter, kind (`MANUAL` or `DERIVED`), due date, status, rating at `at` and the rule that gave it, evidence and risk.",
            summary = "Every milestone with its due date, status and rating at a date, as known at an instant")
    public ResponseEntity<Page<MilestoneView>> milestones(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(description = Reads.AT)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate at,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
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
            HttpServletRequest request) {
        AsOf knowledge = reads.asOf(asOf);
        if (knowledge.isNow()) {
            reads.awaitMinVersion(request, MilestonesProjection.NAME, icsCode);
        }
        Long version = knowledge.isNow()
                ? positions.version(MilestonesProjection.NAME, icsCode).orElse(null)
                : null;
        List<MilestoneView> all = Reads.found(readiness.milestones(icsCode, reads.at(at), knowledge), "the ICS");
        PageRequest paging = new PageRequest(page, size);
        int from = (int) Math.min(paging.offset(), all.size());
        int to = Math.min(from + paging.size(), all.size());
        return reads.versioned(
                request, new Page<>(all.subList(from, to), paging.page(), paging.size(), all.size()), version);
    }

    @PostMapping("/{code}/start")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "startMilestone",
            description =
                    "Marks a manual milestone as in progress. Derived milestones refuse every write (409) and say which facts complete them.",
            summary = "Start work on a manual milestone")
    public ResponseEntity<?> start(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(description = "A milestone code, such as `Q1-SDP-UPDATED`") @PathVariable String code,
            WriteContext write) {
        return write.execute(new StartMilestone(IcsCode.of(icsCode), MilestoneCode.of(code), write.ifMatch()));
    }

    @PostMapping("/{code}/complete")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "completeMilestone",
            description =
                    "Completes a manual milestone on the day it was achieved (not in the future), with the evidence that shows it.",
            summary = "Complete a manual milestone with evidence and the date it was achieved")
    public ResponseEntity<?> complete(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(description = "A milestone code, such as `Q1-SDP-UPDATED`") @PathVariable String code,
            @Valid @RequestBody MilestoneRequests.Complete body,
            WriteContext write) {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < body.evidence().size(); i++) {
            MilestoneRequests.EvidenceItem item = body.evidence().get(i);
            try {
                evidence.add(new Evidence(item.reference(), item.description()));
            } catch (RuleViolation e) {
                throw new RuleViolation(e.code(), "evidence[" + i + "]." + e.field(), e.getMessage());
            }
        }
        return write.execute(new CompleteMilestone(
                IcsCode.of(icsCode), MilestoneCode.of(code), body.completedOn(), evidence, write.ifMatch()));
    }

    @PostMapping("/{code}/at-risk")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "flagMilestoneAtRisk",
            description =
                    "Flags a manual milestone in progress as at risk, with the reason; it is rated red until the risk is cleared or it completes.",
            summary = "Flag a manual milestone in progress as at risk, saying why")
    public ResponseEntity<?> atRisk(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(description = "A milestone code, such as `Q1-SDP-UPDATED`") @PathVariable String code,
            @Valid @RequestBody MilestoneRequests.Reason body,
            WriteContext write) {
        return write.execute(
                new FlagMilestoneAtRisk(IcsCode.of(icsCode), MilestoneCode.of(code), body.reason(), write.ifMatch()));
    }

    @PostMapping("/{code}/clear-risk")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "clearMilestoneRisk",
            description = "Puts a milestone flagged at risk back on track, with the reason.",
            summary = "Put a milestone flagged at risk back on track, saying why")
    public ResponseEntity<?> clearRisk(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(description = "A milestone code, such as `Q1-SDP-UPDATED`") @PathVariable String code,
            @Valid @RequestBody MilestoneRequests.Reason body,
            WriteContext write) {
        return write.execute(
                new ClearMilestoneRisk(IcsCode.of(icsCode), MilestoneCode.of(code), body.reason(), write.ifMatch()));
    }

    @PostMapping("/{code}/reopen")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "reopenMilestone",
            description =
                    "Reopens a completed manual milestone, with the reason (new evidence is needed to complete it again).",
            summary = "Reopen a complete manual milestone, saying why")
    public ResponseEntity<?> reopen(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(description = "A milestone code, such as `Q1-SDP-UPDATED`") @PathVariable String code,
            @Valid @RequestBody MilestoneRequests.Reason body,
            WriteContext write) {
        return write.execute(
                new ReopenMilestone(IcsCode.of(icsCode), MilestoneCode.of(code), body.reason(), write.ifMatch()));
    }
}
