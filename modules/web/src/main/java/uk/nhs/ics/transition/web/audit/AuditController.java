package uk.nhs.ics.transition.web.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
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
                    "Recomputes the hash chain and the Merkle tree (RFC 6962) from the event store and says whether they hold, how many events they cover, the head and the root; or the first entry that breaks them. With `digestEvents` and `digestHead` (and `digestRoot`, if given), also checks an earlier published digest against the chain and the tree.",
            summary = "Recomputes the hash chain and Merkle tree from the event store; optionally against an earlier"
                    + " digest (its events and head, and its root if given)")
    public Verification verify(
            @Parameter(description = "The event count of an earlier digest to check")
                    @RequestParam(required = false)
                    @Min(1) Long digestEvents,
            @Parameter(description = "The head hash of that digest")
                    @RequestParam(required = false)
                    @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in hex") String digestHead,
            @Parameter(description = "The Merkle root of that digest, checked too when given")
                    @RequestParam(required = false)
                    @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in hex") String digestRoot) {
        return verifier.verify(digestEvents, digestHead, digestRoot);
    }

    @GetMapping("/digest")
    @Requires(Action.READ_AUDIT)
    @Operation(
            operationId = "getAuditDigest",
            description =
                    "The ledger's event count, head hash and Merkle root at an instant (now by default), to publish or hand to an auditor for a later `verify` or an evidence pack's proof. With `signed=true`, the same digest as a JWS (RFC 7515, compact, `application/jose`) signed with the service's key (`getSigningKeys`). See docs/operations/daily-digest.md for publishing it daily outside the service and checking it later.",
            summary = "The ledger's event count, head hash and Merkle root at a moment, to publish or hand to an"
                    + " auditor; signed too",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The digest. With `signed=true`, the same digest signed instead: a JWS in"
                                    + " compact serialisation (`application/jose`; RS256, `typ` "
                                    + DIGEST_TYPE
                                    + ", `kid` the key's RFC 7638 thumbprint) whose payload is the digest's JSON",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = Digest.class))))
    public ResponseEntity<?> digest(
            @Parameter(description = "The instant of the digest; now by default")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant at,
            @Parameter(
                            description = "`true` for the digest signed with the service's key: a JWS, as"
                                    + " `application/jose` text, instead of JSON")
                    @RequestParam(defaultValue = "false")
                    boolean signed)
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

    /** The published key set, as {@link ServiceSigner#publishedKeys()} writes it (RFC 7517). */
    @Schema(name = "SigningKeys", description = "A JWK set (RFC 7517): the current signing key and retired ones")
    public record SigningKeys(List<SigningKey> keys) {}

    /** One published key. */
    @Schema(name = "SigningKey", description = "An RSA public key (RFC 7517, RFC 7518)")
    public record SigningKey(
            @Schema(description = "`RSA`") String kty,
            @Schema(description = "`sig`") String use,
            @Schema(description = "`RS256`") String alg,

            @Schema(description = "The key's RFC 7638 thumbprint (SHA-256, base64url): the fingerprint to compare")
            String kid,

            @Schema(description = "The modulus, base64url") String n,

            @Schema(description = "The public exponent, base64url")
            String e) {}

    @GetMapping("/keys")
    @Requires(Action.READ_REFERENCE)
    @Operation(
            operationId = "getSigningKeys",
            description =
                    "The public keys the service signs evidence packs and digests with, as a JWK set: the current key and the retired ones, whose signatures still verify. Each key's id is its RFC 7638 thumbprint, the fingerprint the offline verifier prints.",
            summary = "The public keys evidence packs and digests are signed with, as a JWK set",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "OK",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = SigningKeys.class))))
    public Map<String, Object> keys() {
        return signer.publishedKeys();
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
