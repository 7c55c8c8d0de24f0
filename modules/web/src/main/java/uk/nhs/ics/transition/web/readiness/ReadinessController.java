package uk.nhs.ics.transition.web.readiness;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.readiness.NationalReadiness;
import uk.nhs.ics.transition.projections.readiness.OverdueMilestone;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;
import uk.nhs.ics.transition.projections.readiness.RegionReadiness;
import uk.nhs.ics.transition.web.csv.CsvAnswer;
import uk.nhs.ics.transition.web.csv.CsvView;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Permissions;
import uk.nhs.ics.transition.web.security.Requires;

/**
 * Readiness at a date ({@code at}, by default today) under the baseline in force on it, as known at an instant
 * ({@code asOf}, by default now). Every answer is also a spreadsheet ({@code Accept: text/csv}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Readiness")
public class ReadinessController {

    private final ReadinessQueries readiness;
    private final Permissions permissions;
    private final Reads reads;

    public ReadinessController(ReadinessQueries readiness, Permissions permissions, Reads reads) {
        this.readiness = readiness;
        this.permissions = permissions;
        this.reads = reads;
    }

    @GetMapping(value = "/readiness", produces = "application/json")
    @Requires(Action.READ_NATIONAL)
    @CsvAnswer(
            rows = "one row for the nation, one per quarter and one per region",
            columns = {"scope", "name", "green", "amber", "red", "overdueMilestones", "at", "baselineNumber"})
    @Operation(
            operationId = "getNationalReadiness",
            description =
                    "How many ICSs are green, amber and red at `at`: overall, per quarter and per region, with the number of overdue milestones; under the baseline in force on `at`, as known at `asOf`.",
            summary = "National: ICSs by overall rating, per quarter and per region; overdue milestones")
    public NationalReadiness national(
            @Parameter(description = Reads.AT)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate at,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf) {
        return readiness.national(reads.at(at), reads.asOf(asOf));
    }

    @GetMapping(value = "/readiness", produces = "text/csv")
    @Requires(Action.READ_NATIONAL)
    @Hidden // the CSV of getNationalReadiness, documented there
    public CsvView nationalTable(
            @Parameter(description = Reads.AT)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate at,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf) {
        return ReadinessTables.national(national(at, asOf));
    }

    @GetMapping(value = "/regions/{regionCode}/readiness", produces = "application/json")
    @Requires(value = Action.READ_REGION, target = "regionCode")
    @CsvAnswer(
            rows = "one row per ICS of the region",
            columns = {
                "icsCode",
                "name",
                "overallRating",
                "q1",
                "q2",
                "q3",
                "q4",
                "est",
                "percentComplete",
                "overdueCount",
                "overdueMilestones",
                "at"
            })
    @Operation(
            operationId = "getRegionReadiness",
            description =
                    "The region's ICSs with their rating overall and per quarter, percentage complete, and their overdue milestones.",
            summary = "The region's ICSs with their ratings and overdue milestones")
    public RegionReadiness region(
            @PathVariable
                    @Parameter(
                            description = "A region code such as Y61",
                            schema = @Schema(pattern = RegionCode.PATTERN))
                    String regionCode,
            @Parameter(description = Reads.AT)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate at,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf) {
        return Reads.found(readiness.region(regionCode, reads.at(at), reads.asOf(asOf)), "the region");
    }

    @GetMapping(value = "/regions/{regionCode}/readiness", produces = "text/csv")
    @Requires(value = Action.READ_REGION, target = "regionCode")
    @Hidden // the CSV of getRegionReadiness, documented there
    public CsvView regionTable(
            @PathVariable
                    @Parameter(
                            description = "A region code such as Y61",
                            schema = @Schema(pattern = RegionCode.PATTERN))
                    String regionCode,
            @Parameter(description = Reads.AT)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate at,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf) {
        return ReadinessTables.region(region(regionCode, at, asOf));
    }

    @GetMapping("/readiness/overdue")
    @Requires(Action.READ_REFERENCE)
    @CsvAnswer(rows = "one row per overdue milestone")
    @Operation(
            operationId = "listOverdueMilestones",
            description =
                    "Every milestone overdue at `at` in the ICSs the caller may read, oldest first; optionally of one ICS or region.",
            summary = "Every overdue milestone the caller may read, oldest first; optionally of one ICS or region")
    public Page<OverdueMilestone> overdue(
            @Parameter(description = "Only this ICS")
                    @RequestParam(required = false)
                    @Pattern(regexp = IcsCode.PATTERN, message = "must be an ICS code such as QKS") String ics,
            @Parameter(description = "Only this region's ICSs")
                    @RequestParam(required = false)
                    @Pattern(regexp = RegionCode.PATTERN, message = "must be a region code such as Y59") String region,
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
            Caller caller) {
        Predicate<String> readable = permissions.readableSystems(caller);
        Predicate<String> wanted = ics == null ? readable : readable.and(ics::equals);
        return readiness.overdue(wanted, region, reads.at(at), reads.asOf(asOf), new PageRequest(page, size));
    }
}
