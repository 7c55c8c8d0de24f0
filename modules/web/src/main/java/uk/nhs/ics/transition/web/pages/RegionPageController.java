package uk.nhs.ics.transition.web.pages;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.readiness.RatingTrend;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;
import uk.nhs.ics.transition.projections.readiness.RegionOverview;
import uk.nhs.ics.transition.projections.readiness.RegionReadiness;
import uk.nhs.ics.transition.web.csv.CsvView;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.security.Caller;

/** {@code /regions/{code}}: a region's ICSs, what is overdue there, and its trend; for its team, national, auditors. */
@Controller
@Hidden
class RegionPageController {

    private final ReadinessQueries readiness;
    private final PageAccess access;
    private final PageReads pages;
    private final Reads reads;

    RegionPageController(ReadinessQueries readiness, PageAccess access, PageReads pages, Reads reads) {
        this.readiness = readiness;
        this.access = access;
        this.pages = pages;
        this.reads = reads;
    }

    @GetMapping("/regions/{regionCode}")
    String region(
            @PathVariable String regionCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Caller caller,
            Model model) {
        access.region(caller, regionCode);
        PageTime time = PageTime.of(at, asOf, reads);
        model.addAttribute("time", time);
        model.addAttribute("page", pages.consistently(() -> page(regionCode, time, sort, dir, caller)));
        model.addAttribute("mayReadNational", access.mayReadNational(caller));
        return "pages/region";
    }

    @GetMapping("/regions/{regionCode}/{table}.csv")
    ResponseEntity<CsvView> table(
            @PathVariable String regionCode,
            @PathVariable String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            Caller caller) {
        access.region(caller, regionCode);
        PageTime time = PageTime.of(at, asOf, reads);
        CsvView csv = pages.consistently(() -> page(regionCode, time, null, null, caller))
                .table(table)
                .orElseThrow(() -> new PageNotFound("The region's page has no table " + table + "."));
        return DownloadTable.download(csv, "region-" + regionCode + "-" + table + "-" + time.at());
    }

    private RegionPage page(String regionCode, PageTime time, String sort, String dir, Caller caller) {
        LocalDate at = time.at();
        AsOf asOf = time.knowledge();
        RegionOverview overview = readiness
                .regionOverview(regionCode, access.readableSystems(caller), at, asOf)
                .orElseThrow(() -> new PageNotFound("Region " + regionCode + " was not known at that time."));
        RegionReadiness region = overview.readiness();
        RatingTrend trend = overview.trend();
        String column = sort != null && RegionPage.SORTS.contains(sort) ? sort : "name";
        boolean descending = "desc".equals(dir);
        return new RegionPage(
                region,
                RegionPage.sorted(
                        region.systems().stream()
                                .map(RegionReadiness.SystemReadiness::rating)
                                .toList(),
                        column,
                        descending),
                column,
                descending,
                overview.overdue(),
                trend,
                TrendChart.of("region-trend", trend, PageModelAdvice.FORMATS));
    }
}
