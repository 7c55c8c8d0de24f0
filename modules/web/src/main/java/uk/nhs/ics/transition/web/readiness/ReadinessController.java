package uk.nhs.ics.transition.web.readiness;

import io.swagger.v3.oas.annotations.Operation;
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
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.readiness.NationalReadiness;
import uk.nhs.ics.transition.projections.readiness.OverdueMilestone;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;
import uk.nhs.ics.transition.projections.readiness.RegionReadiness;
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
    @Operation(summary = "National: ICSs by overall rating, per quarter and per region; overdue milestones")
    public NationalReadiness national(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return readiness.national(reads.at(at), reads.asOf(asOf));
    }

    @GetMapping(value = "/readiness", produces = "text/csv")
    @Requires(Action.READ_NATIONAL)
    @Operation(summary = "National readiness as a table: one row per count")
    public CsvView nationalTable(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return ReadinessTables.national(national(at, asOf));
    }

    @GetMapping(value = "/regions/{regionCode}/readiness", produces = "application/json")
    @Requires(value = Action.READ_REGION, target = "regionCode")
    @Operation(summary = "The region's ICSs with their ratings and overdue milestones")
    public RegionReadiness region(
            @PathVariable String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return Reads.found(readiness.region(regionCode, reads.at(at), reads.asOf(asOf)), "the region");
    }

    @GetMapping(value = "/regions/{regionCode}/readiness", produces = "text/csv")
    @Requires(value = Action.READ_REGION, target = "regionCode")
    @Operation(summary = "The region's readiness as a table: one row per ICS")
    public CsvView regionTable(
            @PathVariable String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return ReadinessTables.region(region(regionCode, at, asOf));
    }

    @GetMapping("/readiness/overdue")
    @Requires(Action.READ_REFERENCE)
    @Operation(summary = "Every overdue milestone the caller may read, oldest first; optionally of one ICS or region")
    public Page<OverdueMilestone> overdue(
            @RequestParam(required = false)
                    @Pattern(regexp = "Q[A-Z0-9]{2}", message = "must be an ICS code such as QKS") String ics,
            @RequestParam(required = false)
                    @Pattern(regexp = "Y[0-9]{2}", message = "must be a region code such as Y59") String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) int size,
            Caller caller) {
        Predicate<String> readable = permissions.readableSystems(caller);
        Predicate<String> wanted = ics == null ? readable : readable.and(ics::equals);
        return readiness.overdue(wanted, region, reads.at(at), reads.asOf(asOf), new PageRequest(page, size));
    }
}
