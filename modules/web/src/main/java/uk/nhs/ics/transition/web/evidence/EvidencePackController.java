package uk.nhs.ics.transition.web.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.web.RequestIds;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Grant;
import uk.nhs.ics.transition.web.security.Requires;

/** An ICS's evidence pack, for auditors, the national team and the ICS's regional team. */
@RestController
@Tag(name = "Audit")
public class EvidencePackController {

    private final EvidencePacks packs;

    public EvidencePackController(EvidencePacks packs) {
        this.packs = packs;
    }

    @GetMapping("/api/v1/systems/{icsCode}/evidence-pack")
    @Requires(value = Action.READ_EVIDENCE, target = "icsCode")
    @Operation(
            operationId = "getEvidencePack",
            summary = "An ICS's evidence pack for a quarter (or the whole programme), as known at its end or at asOf: a"
                    + " zip of its events with their ledger entries, a proof linking them to the ledger's digest, the"
                    + " views as CSV, a printable report, and a manifest signed by the service",
            description = "An ICS's evidence pack for a quarter (`Q1` to `Q4`, `EST`) or the whole programme (`ALL`),"
                    + " as known at the quarter's end or at `asOf`: a zip of its events with their ledger entries, the"
                    + " RFC 6962 proof linking them to the ledger's digest (`digestEvents`, or the ledger as the pack"
                    + " is made), the views as CSV, a printable report, and a manifest of every file's SHA-256 signed"
                    + " by the service. Checked offline with `java -jar ics-transition.jar verify-pack pack.zip --keys"
                    + " keys.json` (keys from `getSigningKeys`), or `docs/audit/verify_pack.py`. See"
                    + " docs/decisions/0024-evidence-packs-verify-offline.md.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The pack, as an attachment",
                            headers =
                                    @Header(
                                            name = HttpHeaders.CONTENT_DISPOSITION,
                                            description = "`attachment; filename=...zip`, naming the ICS and quarter",
                                            schema = @Schema(type = "string")),
                            content =
                                    @Content(
                                            mediaType = "application/zip",
                                            schema = @Schema(type = "string", format = "binary"))))
    public ResponseEntity<StreamingResponseBody> evidencePack(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(description = "`Q1`, `Q2`, `Q3`, `Q4`, `EST` or `ALL` (the default)")
                    @RequestParam(required = false)
                    String quarter,
            @Parameter(description = "What was known by this instant; by default the quarter's end, or now")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            @Parameter(
                            description =
                                    "The published digest (its event count) the proof must lead to; by default the"
                                            + " ledger as the pack is made")
                    @RequestParam(required = false)
                    @Min(1) Long digestEvents,
            Caller caller,
            Grant grant,
            HttpServletRequest request) {
        EvidencePackRequest pack =
                packs.prepare(icsCode, quarter, asOf, digestEvents, caller, grant, RequestIds.of(request));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(pack.fileName())
                                .build()
                                .toString())
                .body(out -> packs.write(pack, out));
    }
}
