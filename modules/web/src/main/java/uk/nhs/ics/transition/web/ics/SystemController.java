package uk.nhs.ics.transition.web.ics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.readiness.SystemDetail;
import uk.nhs.ics.transition.projections.readiness.SystemDetailQueries;
import uk.nhs.ics.transition.projections.transfer.LedgerView;
import uk.nhs.ics.transition.projections.transfer.TransferQueries;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Requires;

/** One ICS at a glance, and the ledger of what it receives from every CCG. */
@RestController
@RequestMapping("/api/v1/systems/{icsCode}")
@Tag(name = "Systems")
public class SystemController {

    private final SystemDetailQueries details;
    private final TransferQueries transfers;
    private final Reads reads;

    public SystemController(SystemDetailQueries details, TransferQueries transfers, Reads reads) {
        this.details = details;
        this.transfers = transfers;
        this.reads = reads;
    }

    @GetMapping
    @Requires(value = Action.READ_ICS, target = "icsCode")
    @Operation(
            operationId = "getSystem",
            description =
                    "One ICS: its identity and region, its predecessor CCGs, its rating per quarter and overall at `at` with the rule that gave each, and counts of milestones by status.",
            summary = "Identity, predecessor CCGs, ratings per quarter and overall, counts")
    public SystemDetail system(
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
                    Instant asOf) {
        return Reads.found(details.detail(icsCode, reads.at(at), reads.asOf(asOf)), "the ICS");
    }

    @GetMapping("/transfers")
    @Requires(value = Action.READ_ICS, target = "icsCode")
    @Operation(
            operationId = "getTransferLedger",
            description =
                    "What the ICS receives from every CCG (its own and any whose area moves to it): totals per kind and per CCG, and the items, paged.",
            summary = "The receiving ICS's ledger: totals and items from every CCG")
    public LedgerView transfers(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
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
                    @Min(1) int size) {
        return transfers.ledger(icsCode, reads.asOf(asOf), new PageRequest(page, size));
    }
}
