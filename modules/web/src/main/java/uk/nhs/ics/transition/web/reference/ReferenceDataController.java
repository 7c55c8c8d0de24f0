package uk.nhs.ics.transition.web.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.reference.IcsSummary;
import uk.nhs.ics.transition.projections.reference.ReferenceDataQueries;
import uk.nhs.ics.transition.projections.reference.RegionSummary;

/** The organisations of the programme: the seven regions and the 42 ICSs. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data")
public class ReferenceDataController {

    private final ReferenceDataQueries queries;

    public ReferenceDataController(ReferenceDataQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/regions")
    @Operation(summary = "The seven regions, each with its ICS count")
    public Page<RegionSummary> regions(
            @Parameter(description = "answer as of this instant")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf) {
        List<RegionSummary> regions = queries.regions(AsOf.of(asOf));
        return new Page<>(regions, 0, PageRequest.MAX_SIZE, regions.size());
    }

    @GetMapping("/systems")
    @Operation(summary = "The ICSs, optionally of one region")
    public Page<IcsSummary> systems(
            @Parameter(description = "a region code such as Y59")
                    @RequestParam(required = false)
                    @Pattern(regexp = "Y[0-9]{2}", message = "must be a region code such as Y59") String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) int size) {
        return queries.systems(region, AsOf.of(asOf), new PageRequest(page, size));
    }
}
