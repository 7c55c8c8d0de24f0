package uk.nhs.ics.transition.web.ics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.audit.history.HistoryEntry;
import uk.nhs.ics.transition.audit.history.IcsHistory;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.web.csv.CsvAnswer;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Requires;

/** An ICS's history: every change to it and its CCGs, in order, each in a sentence. */
@RestController
@RequestMapping("/api/v1/systems/{icsCode}/history")
@Tag(name = "Systems")
public class HistoryController {

    private final IcsHistory history;

    public HistoryController(IcsHistory history) {
        this.history = history;
    }

    @GetMapping
    @Requires(value = Action.READ_ICS, target = "icsCode")
    @CsvAnswer(rows = "one row per change")
    @Operation(
            operationId = "getSystemHistory",
            description =
                    "Every change to the ICS and its CCGs in the order it was recorded, each with who made it, in which role, why, and a sentence saying what it did.",
            summary = "That ICS's events in order, with a readable summary line each, as known at an instant")
    public Page<HistoryEntry> history(
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
        PageRequest paging = new PageRequest(page, size);
        IcsHistory.Slice slice = history.history(icsCode, asOf, paging.offset(), paging.size());
        return new Page<>(slice.entries(), paging.page(), paging.size(), slice.total());
    }
}
