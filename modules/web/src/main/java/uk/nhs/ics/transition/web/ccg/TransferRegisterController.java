package uk.nhs.ics.transition.web.ccg;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.messages.ccg.ImportTransferRegister;
import uk.nhs.ics.transition.messages.ccg.RegisterRow;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.transfer.TransferQueries;
import uk.nhs.ics.transition.projections.transfer.TransferSchemeProjection;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.http.VersionedRead;
import uk.nhs.ics.transition.web.http.VersionedWrite;
import uk.nhs.ics.transition.web.http.WriteContext;
import uk.nhs.ics.transition.web.problem.MalformedRegister;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Permissions;
import uk.nhs.ics.transition.web.security.Requires;

/**
 * A CCG's transfer scheme as the register its programme managers keep in a spreadsheet: the template, the export,
 * and the import that synchronises the scheme with the register (see {@link ImportTransferRegister}). Export, edit,
 * import is the everyday round trip. An import is one write: authorised as adding an item, one command, one
 * transaction, one {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1/ccgs/{ccgCode}/transfer")
@Tag(name = "CCG transfer schemes")
public class TransferRegisterController {

    /** The path of imports, which takes registers of up to {@code ics.web.max-register-size} (20 MB). */
    public static final String IMPORTS_PATH_PATTERN = "/api/v1/ccgs/*/transfer/imports";

    private static final String CSV = "text/csv";
    private static final String REGISTER = "A register: CSV (UTF-8 with a byte-order mark, RFC 4180), one item per row;"
            + " columns `kind`, `reference`, `description`, `receivingIcs`, `valuePence`, `counterparty`,"
            + " `annualValuePence`, `endDate`, `novationRequired`, `staffGroup`, `headcount`, `wte` (as the fields of"
            + " `addTransferItem`)";
    private static final String PROBLEM = "#/components/schemas/Problem";

    private final RegisterRows rows;
    private final TransferQueries transfers;
    private final Permissions permissions;
    private final Reads reads;

    public TransferRegisterController(
            Validator validator, TransferQueries transfers, Permissions permissions, Reads reads) {
        this.rows = new RegisterRows(validator, permissions);
        this.transfers = transfers;
        this.permissions = permissions;
        this.reads = reads;
    }

    @PostMapping(
            path = "/imports",
            consumes = {CSV, RegisterReader.XLSX},
            produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Requires(value = Action.RECORD_TRANSFER, target = "ccgCode")
    @VersionedWrite
    @Operation(
            operationId = "importTransferRegister",
            summary = "Import the CCG's register (CSV or .xlsx): synchronise the draft scheme with it, all or nothing",
            description = "One item per row, in the columns of `GET .../transfer/imports/template`; `reference` is the"
                    + " CCG's own identifier of the row, unique within the scheme. A new reference adds an item, a"
                    + " known one with other values amends it, an unchanged row changes nothing; with"
                    + " `withdrawMissing=true` live items the register does not name are withdrawn. Importing the"
                    + " same file twice changes nothing the second time. A refused row refuses the whole import"
                    + " (422 `IMPORT_REFUSED`, `errors` naming row, column, code and message, the codes of the"
                    + " single-item API); warnings alone do not. `dryRun=true` answers the same report and changes"
                    + " nothing. Limits: " + ImportTransferRegister.MAX_ROWS + " rows and 20 MB per file (413"
                    + " beyond). A file that cannot be read as a register (not UTF-8, not a workbook, a zip bomb, no"
                    + " header, unknown columns, formulas, merged cells) is 422 `MALFORMED_FILE`. An agreed scheme"
                    + " refuses imports (409 `SCHEME_FROZEN`): only a variation changes it.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "The register: CSV (UTF-8, RFC 4180) or an Excel workbook (its first sheet),"
                                    + " with the columns of `getTransferRegisterTemplate`",
                            content = {
                                @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = RegisterReader.XLSX,
                                        schema = @Schema(type = "string", format = "binary"))
                            }),
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The report: what each row did (or, in a dry run, would do)",
                        content = {
                            @Content(
                                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = RegisterImportReport.class)),
                            @Content(
                                    mediaType = CSV,
                                    schema =
                                            @Schema(
                                                    type = "string",
                                                    description = "The same report as CSV: one line per row of the"
                                                            + " register (and per problem of a row); columns `row`,"
                                                            + " `reference`, `action`, `itemId`, `severity`, `column`,"
                                                            + " `code`, `message`"))
                        }),
                @ApiResponse(
                        responseCode = "413",
                        description = "More than " + ImportTransferRegister.MAX_ROWS + " rows, or more than 20 MB",
                        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM))),
                @ApiResponse(
                        responseCode = "422",
                        description = "IMPORT_REFUSED (refused rows, each in `errors` with row, column, code and"
                                + " message) or MALFORMED_FILE (the file cannot be read as a register)",
                        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
            })
    public ResponseEntity<?> importRegister(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode,
            @Parameter(description = "Plan and report only; change nothing") @RequestParam(defaultValue = "false")
                    boolean dryRun,
            @Parameter(description = "Withdraw live items the register does not name")
                    @RequestParam(defaultValue = "false")
                    boolean withdrawMissing,
            @Parameter(description = "Why the register is imported (recorded in the audit trail)")
                    @RequestParam(required = false)
                    @Size(max = Checks.LONG_TEXT) String reason,
            @Parameter(description = "The file's name for the audit trail (else Content-Disposition's filename)")
                    @RequestParam(required = false)
                    @Size(max = Checks.SHORT_TEXT) String fileName,
            @RequestHeader(value = HttpHeaders.CONTENT_DISPOSITION, required = false) String disposition,
            @RequestBody byte[] file,
            WriteContext write) {
        MediaType type = MediaType.parseMediaType(write.request().getContentType());
        RegisterReader.Format format = type.isCompatibleWith(MediaType.parseMediaType(RegisterReader.XLSX))
                ? RegisterReader.Format.XLSX
                : RegisterReader.Format.CSV;
        Charset charset = type.getCharset();
        if (format == RegisterReader.Format.CSV && charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            throw new MalformedRegister(null, null, "registers are read as UTF-8, not " + charset.name());
        }
        String name = fileName(fileName, disposition, format);
        String sha256 = sha256(file);
        List<RegisterRow> register = rows.read(RegisterReader.read(file, format));
        ImportTransferRegister command = new ImportTransferRegister(
                CcgCode.of(ccgCode), name, sha256, register, withdrawMissing, dryRun, reason, write.ifMatch());
        return write.execute(
                command,
                outcome -> RegisterImportReport.of(ccgCode, name, sha256, outcome.version(), outcome.importPlan()));
    }

    @GetMapping(path = "/imports/template", produces = CSV)
    @Requires(value = Action.READ_CCG, target = "ccgCode")
    @Operation(
            operationId = "getTransferRegisterTemplate",
            description =
                    "The header of a register, with an example row of each kind, as CSV to fill in a spreadsheet.",
            summary = "The register's CSV header with an example row of each kind",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The register, as an attachment named after the CCG",
                            headers =
                                    @Header(
                                            name = HttpHeaders.CONTENT_DISPOSITION,
                                            description =
                                                    "`attachment; filename=\"<ccgCode>-transfer-register(-template).csv\"`",
                                            schema = @Schema(type = "string")),
                            content =
                                    @Content(
                                            mediaType = CSV,
                                            schema =
                                                    @Schema(
                                                            type = "string",
                                                            format = "binary",
                                                            description = REGISTER))))
    public ResponseEntity<RegisterDocument> template(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode) {
        String ownIcs = permissions.icsOfCcg(ccgCode).orElse(null);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(ccgCode + "-transfer-register-template.csv"))
                .contentType(MediaType.parseMediaType(CSV))
                .body(RegisterDocument.template(ownIcs));
    }

    @GetMapping(path = "/export", produces = CSV)
    @Requires(value = Action.READ_CCG, target = "ccgCode")
    @VersionedRead(answersVersion = false)
    @Operation(
            operationId = "exportTransferRegister",
            summary = "The scheme's live items as a register, in the import's columns (accepts asOf)",
            description = "Items without a reference of the CCG's own are named by their item id (`T-12`), which"
                    + " an import matches again.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The register, as an attachment named after the CCG",
                            headers =
                                    @Header(
                                            name = HttpHeaders.CONTENT_DISPOSITION,
                                            description =
                                                    "`attachment; filename=\"<ccgCode>-transfer-register(-template).csv\"`",
                                            schema = @Schema(type = "string")),
                            content =
                                    @Content(
                                            mediaType = CSV,
                                            schema =
                                                    @Schema(
                                                            type = "string",
                                                            format = "binary",
                                                            description = REGISTER))))
    public ResponseEntity<RegisterDocument> export(
            @PathVariable
                    @Parameter(description = "A CCG code such as 06Q", schema = @Schema(pattern = CcgCode.PATTERN))
                    String ccgCode,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            HttpServletRequest request) {
        AsOf knowledge = reads.asOf(asOf);
        if (knowledge.isNow()) {
            reads.awaitMinVersion(request, TransferSchemeProjection.NAME, ccgCode);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(ccgCode + "-transfer-register.csv"))
                .contentType(MediaType.parseMediaType(CSV))
                .body(RegisterDocument.export(transfers.register(ccgCode, knowledge)));
    }

    private static String fileName(String given, String disposition, RegisterReader.Format format) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (disposition != null) {
            try {
                String named = ContentDisposition.parse(disposition).getFilename();
                if (named != null && !named.isBlank()) {
                    return named;
                }
            } catch (IllegalArgumentException unreadable) {
                // a header we cannot read names no file
            }
        }
        return format == RegisterReader.Format.XLSX ? "register.xlsx" : "register.csv";
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
