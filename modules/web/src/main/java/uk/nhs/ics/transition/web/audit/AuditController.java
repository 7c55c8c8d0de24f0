package uk.nhs.ics.transition.web.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
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
    private final ServiceSigner signer;
    private final ObjectMapper json;

    public AuditController(
            AuditTrail trail, LedgerVerifier verifier, AuditExport export, ServiceSigner signer, ObjectMapper json) {
        this.trail = trail;
        this.verifier = verifier;
        this.export = export;
        this.signer = signer;
        this.json = json;
    }

    @GetMapping("/events")
    @Requires(Action.READ_AUDIT)
    @Operation(summary = "The trail, filtered by ICS, CCG, event type, actor and time, in ledger order")
    public Page<AuditEvent> events(
            @RequestParam(required = false) @Pattern(regexp = "Q[A-Z0-9]{2}", message = "must be an ICS code") String ics,
            @RequestParam(required = false) @Pattern(regexp = "[0-9A-Z]{3,5}", message = "must be a CCG code") String ccg,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{1,80}", message = "must be an event type") String type,
            @RequestParam(required = false) @Pattern(regexp = "[^\\p{Cntrl}]{1,200}", message = "must be a subject") String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) int size) {
        PageRequest paging = new PageRequest(page, size);
        AuditTrail.Slice slice =
                trail.page(new AuditFilter(ics, ccg, type, actor, from, to), paging.offset(), paging.size());
        return new Page<>(slice.events(), paging.page(), paging.size(), slice.total());
    }

    @GetMapping("/verify")
    @Requires(Action.READ_AUDIT)
    @Operation(
            summary = "Recomputes the hash chain and Merkle tree from the event store; optionally against an earlier"
                    + " digest (its events and head, and its root if given)")
    public Verification verify(
            @RequestParam(required = false) @Min(1) Long digestEvents,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in hex") String digestHead,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in hex") String digestRoot) {
        return verifier.verify(digestEvents, digestHead, digestRoot);
    }

    @GetMapping("/digest")
    @Requires(Action.READ_AUDIT)
    @Operation(
            summary = "The ledger's event count, head hash and Merkle root at a moment, to publish or hand to an"
                    + " auditor; signed=true answers it as a JWS (application/jose) signed with the service's key",
            description = "See docs/operations/daily-digest.md for publishing it daily outside the service and checking"
                    + " it later with /audit/verify.")
    public ResponseEntity<?> digest(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
            @RequestParam(defaultValue = "false") boolean signed)
            throws JsonProcessingException {
        Digest digest = verifier.digest(at);
        if (!signed) {
            return ResponseEntity.ok(digest);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ServiceSigner.JOSE))
                .body(signer.sign(json.writeValueAsBytes(digest), DIGEST_TYPE));
    }

    /** The {@code typ} of a signed digest. */
    public static final String DIGEST_TYPE = "ics-transition-digest+json";

    @GetMapping("/keys")
    @Requires(Action.READ_REFERENCE)
    @Operation(
            summary = "The public keys the service signs evidence packs and digests with, as a JWK set; each key's id"
                    + " is its RFC 7638 thumbprint, the fingerprint the offline verifier prints")
    public Map<String, Object> keys() {
        return signer.publishedKeys();
    }

    @GetMapping("/export")
    @Requires(Action.READ_AUDIT)
    @Operation(summary = "The trail streamed as newline-delimited JSON (default) or CSV (Accept: text/csv)")
    public ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) @Pattern(regexp = "Q[A-Z0-9]{2}", message = "must be an ICS code") String ics,
            @RequestParam(required = false) @Pattern(regexp = "[0-9A-Z]{3,5}", message = "must be a CCG code") String ccg,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{1,80}", message = "must be an event type") String type,
            @RequestParam(required = false) @Pattern(regexp = "[^\\p{Cntrl}]{1,200}", message = "must be a subject") String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = accept != null && accept.contains("text/csv");
        return export.response(new AuditFilter(ics, ccg, type, actor, from, to), csv);
    }
}
