package uk.nhs.ics.transition.web.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.readiness.IcsRating;
import uk.nhs.ics.transition.projections.readiness.RatingCounts;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;
import uk.nhs.ics.transition.projections.reference.ReferenceDataQueries;
import uk.nhs.ics.transition.projections.reference.RegionSummary;
import uk.nhs.ics.transition.projections.transfer.CcgSummary;
import uk.nhs.ics.transition.projections.transfer.TransferQueries;
import uk.nhs.ics.transition.web.csv.CsvAnswer;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.problem.NotFound;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Permissions;
import uk.nhs.ics.transition.web.security.Requires;

/**
 * The organisations of the programme. Everyone may list them; the ratings shown are only those of the ICSs the
 * caller may read (a regional team sees its regions', a programme manager their own ICS's).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data")
public class ReferenceDataController {

    private final ReferenceDataQueries reference;
    private final ReadinessQueries readiness;
    private final TransferQueries transfers;
    private final Permissions permissions;
    private final Reads reads;

    public ReferenceDataController(
            ReferenceDataQueries reference,
            ReadinessQueries readiness,
            TransferQueries transfers,
            Permissions permissions,
            Reads reads) {
        this.reference = reference;
        this.readiness = readiness;
        this.transfers = transfers;
        this.permissions = permissions;
        this.reads = reads;
    }

    /**
     * A region, its ICS count, and its ICSs by overall rating (counted over the ICSs the caller may read; null
     * where the caller may read none of them).
     */
    public record RegionWithRatings(String code, String name, int icsCount, RatingCounts ratings) {}

    @GetMapping("/regions")
    @Requires(Action.READ_REFERENCE)
    @CsvAnswer(rows = "one row per region")
    @Operation(
            operationId = "listRegions",
            description =
                    "Every region with its number of ICSs, and how many of the ICSs the caller may read are green, amber or red at `at` (null where the caller may read none). One page holds all seven.",
            summary = "The seven regions, each with its ICS count and a rating summary")
    public Page<RegionWithRatings> regions(
            @Parameter(description = Reads.AT)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate at,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            Caller caller) {
        AsOf knowledge = reads.asOf(asOf);
        List<IcsRating> ratings = readiness.ratings(permissions.readableSystems(caller), null, reads.at(at), knowledge);
        List<RegionWithRatings> regions = new ArrayList<>();
        for (RegionSummary region : reference.regions(knowledge)) {
            List<IcsRating> inRegion = ratings.stream()
                    .filter(r -> r.regionCode().equals(region.code()))
                    .toList();
            regions.add(new RegionWithRatings(
                    region.code(),
                    region.name(),
                    region.icsCount(),
                    inRegion.isEmpty()
                            ? null
                            : RatingCounts.of(inRegion.stream()
                                    .map(IcsRating::overallRating)
                                    .toList())));
        }
        return new Page<>(regions, 0, PageRequest.MAX_SIZE, regions.size());
    }

    @GetMapping("/systems")
    @Requires(Action.READ_REFERENCE)
    @CsvAnswer(rows = "one row per ICS")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such region")
    @Operation(
            operationId = "listSystems",
            description =
                    "The ICSs the caller may read, optionally of one region, each with its overall rating at `at` and its percentage of milestones complete, in code order. An unknown region is 404.",
            summary = "The ICSs the caller may read (code, name, region, overall rating, % of milestones complete)")
    public Page<IcsRating> systems(
            @Parameter(description = "Only this region's ICSs (a region code such as Y61)")
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
        if (region != null && !permissions.isRegion(region)) {
            throw new NotFound("no such region");
        }
        List<IcsRating> all =
                readiness.ratings(permissions.readableSystems(caller), region, reads.at(at), reads.asOf(asOf));
        return page(all, new PageRequest(page, size));
    }

    @GetMapping("/ccgs")
    @Requires(Action.READ_REFERENCE)
    @CsvAnswer(rows = "one row per CCG")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such ICS")
    @Operation(
            operationId = "listCcgs",
            description =
                    "The CCGs the caller may read, optionally of one ICS, with the ICS they belonged to and the status of their transfer scheme. An unknown ICS is 404.",
            summary = "The CCGs the caller may read, with their ICS and transfer scheme status")
    public Page<CcgSummary> ccgs(
            @Parameter(description = "Only this ICS's CCGs (an ICS code such as QH8)")
                    @RequestParam(required = false)
                    @Pattern(regexp = IcsCode.PATTERN, message = "must be an ICS code such as QKS") String ics,
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
        if (ics != null && !permissions.isIcs(ics)) {
            throw new NotFound("no such ICS");
        }
        Predicate<String> readable = permissions.readableCcgs(caller);
        return transfers.ccgs(ics, readable, reads.asOf(asOf), new PageRequest(page, size));
    }

    private static <T> Page<T> page(List<T> all, PageRequest request) {
        int from = (int) Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }
}
