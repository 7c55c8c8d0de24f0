package uk.nhs.ics.transition.web.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uk.nhs.ics.transition.audit.ledger.Digest;
import uk.nhs.ics.transition.audit.ledger.LedgerVerifier;
import uk.nhs.ics.transition.audit.ledger.Verification;
import uk.nhs.ics.transition.audit.trail.AuditEvent;
import uk.nhs.ics.transition.audit.trail.AuditFilter;
import uk.nhs.ics.transition.audit.trail.AuditTrail;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.web.csv.CsvAnswer;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Requires;

/** The immutable, tamper-evident audit trail, for auditors (and the national team). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
public class AuditController {

    private final AuditTrail trail;
    private final LedgerVerifier verifier;
    private final AuditExport export;

    public AuditController(AuditTrail trail, LedgerVerifier verifier, AuditExport export) {
        this.trail = trail;
        this.verifier = verifier;
        this.export = export;
    }

    @GetMapping("/events")
    @Requires(Action.READ_AUDIT)
    @CsvAnswer(rows = "one row per event")
    @Operation(
            operationId = "listAuditEvents",
            description =
                    "The immutable trail in ledger order, filtered by ICS, CCG, event type, actor and time: each event with who made it, in which role, why, for which request, its payload, and its place in the hash chain.",
            summary = "The trail, filtered by ICS, CCG, event type, actor and time, in ledger order")
    public Page<AuditEvent> events(
            @Parameter(description = "Only events about this ICS (its own, and its CCGs')")
                    @RequestParam(required = false)
                    @Pattern(regexp = IcsCode.PATTERN, message = "must be an ICS code") String ics,
            @Parameter(description = "Only events about this CCG")
                    @RequestParam(required = false)
                    @Pattern(regexp = CcgCode.PATTERN, message = "must be a CCG code") String ccg,
            @Parameter(description = "Only events of this type, such as `DesignateAppointmentConfirmed`")
                    @RequestParam(required = false)
                    @Pattern(regexp = "[A-Za-z]{1,80}", message = "must be an event type") String type,
            @Parameter(description = "Only events recorded for this subject (`system` for the service itself)")
                    @RequestParam(required = false)
                    @Pattern(regexp = "[^\\p{Cntrl}]{1,200}", message = "must be a subject") String actor,
            @Parameter(description = "Only events recorded at or after this instant")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(description = "Only events recorded before this instant")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
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
                    @Min(1) int size) {
        PageRequest paging = new PageRequest(page, size);
        AuditTrail.Slice slice =
                trail.page(new AuditFilter(ics, ccg, type, actor, from, to), paging.offset(), paging.size());
        return new Page<>(slice.events(), paging.page(), paging.size(), slice.total());
    }

    @GetMapping("/verify")
    @Requires(Action.READ_AUDIT)
    @Operation(
            operationId = "verifyAuditLedger",
            description =
                    "Recomputes the hash chain from the event store and says whether it holds, how many events it covers and its head; or the first entry that breaks it. With `digestEvents` and `digestHead`, also checks an earlier published digest against the chain.",
            summary = "Recomputes the hash chain from the event store; optionally against an earlier digest")
    public Verification verify(
            @Parameter(description = "The event count of an earlier digest to check")
                    @RequestParam(required = false)
                    @Min(1) Long digestEvents,
            @Parameter(description = "The head hash of that digest")
                    @RequestParam(required = false)
                    @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in hex") String digestHead) {
        return verifier.verify(digestEvents, digestHead);
    }

    @GetMapping("/digest")
    @Requires(Action.READ_AUDIT)
    @Operation(
            operationId = "getAuditDigest",
            description =
                    "The ledger's head hash and event count at an instant (now by default), to publish or hand to an auditor for a later `verify`.",
            summary = "The ledger's head hash and event count at a moment, to publish or hand to an auditor")
    public Digest digest(
            @Parameter(description = "The instant of the digest; now by default")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant at) {
        return verifier.digest(at);
    }

    @GetMapping("/export")
    @Requires(Action.READ_AUDIT)
    @Operation(
            operationId = "exportAuditTrail",
            summary = "The trail streamed as newline-delimited JSON (default) or CSV",
            description = "The filtered trail in ledger order, streamed as a file: newline-delimited JSON, one"
                    + " `AuditEvent` per line, or CSV for `Accept: text/csv` (first in preference) or `?format=csv`.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The trail, as an attachment (`audit-trail.ndjson` or `audit-trail.csv`)",
                            headers =
                                    @Header(
                                            name = HttpHeaders.CONTENT_DISPOSITION,
                                            description = "`attachment; filename=audit-trail.ndjson` (or `.csv`)",
                                            schema = @Schema(type = "string")),
                            content = {
                                @Content(
                                        mediaType = AuditExport.NDJSON,
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        format = "binary",
                                                        description = "UTF-8, one JSON object per line, each an"
                                                                + " `AuditEvent` (the schema of `listAuditEvents`'"
                                                                + " items)")),
                                @Content(
                                        mediaType = "text/csv",
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        format = "binary",
                                                        description = AuditExport.CSV_DESCRIPTION))
                            }))
    public ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "Only events about this ICS (its own, and its CCGs')")
                    @RequestParam(required = false)
                    @Pattern(regexp = IcsCode.PATTERN, message = "must be an ICS code") String ics,
            @Parameter(description = "Only events about this CCG")
                    @RequestParam(required = false)
                    @Pattern(regexp = CcgCode.PATTERN, message = "must be a CCG code") String ccg,
            @Parameter(description = "Only events of this type, such as `DesignateAppointmentConfirmed`")
                    @RequestParam(required = false)
                    @Pattern(regexp = "[A-Za-z]{1,80}", message = "must be an event type") String type,
            @Parameter(description = "Only events recorded for this subject (`system` for the service itself)")
                    @RequestParam(required = false)
                    @Pattern(regexp = "[^\\p{Cntrl}]{1,200}", message = "must be a subject") String actor,
            @Parameter(description = "Only events recorded at or after this instant")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(description = "Only events recorded before this instant")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @Parameter(description = "`csv` for CSV (for links, where `Accept` cannot be set); `ndjson` by default")
                    @RequestParam(required = false)
                    @Pattern(regexp = "ndjson|csv", message = "must be ndjson or csv") String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return export.response(new AuditFilter(ics, ccg, type, actor, from, to), AuditExport.asCsv(format, accept));
    }
}
