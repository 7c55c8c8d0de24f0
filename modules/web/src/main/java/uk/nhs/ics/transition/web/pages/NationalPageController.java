package uk.nhs.ics.transition.web.pages;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.programme.ProgrammeQueries;
import uk.nhs.ics.transition.projections.readiness.NationalOverview;
import uk.nhs.ics.transition.projections.readiness.NationalReadiness;
import uk.nhs.ics.transition.projections.readiness.RatingTrend;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;
import uk.nhs.ics.transition.web.csv.CsvView;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.security.Caller;

/**
 * {@code /}: the national overview, for the national team and auditors. Anyone else starts on their own page: a
 * regional team on its region, a programme manager on their ICS.
 */
@Controller
@Hidden
class NationalPageController {

    private final ReadinessQueries readiness;
    private final ProgrammeQueries programme;
    private final PageAccess access;
    private final PageReads pages;
    private final PageModelAdvice common;
    private final Reads reads;

    NationalPageController(
            ReadinessQueries readiness,
            ProgrammeQueries programme,
            PageAccess access,
            PageReads pages,
            PageModelAdvice common,
            Reads reads) {
        this.readiness = readiness;
        this.programme = programme;
        this.access = access;
        this.pages = pages;
        this.common = common;
        this.reads = reads;
    }

    @GetMapping("/")
    String national(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            Caller caller,
            Model model) {
        PageTime time = PageTime.of(at, asOf, reads);
        if (!access.mayReadNational(caller)) {
            Viewer viewer = common.viewer();
            if (viewer != null && !viewer.home().equals("/")) {
                return "redirect:" + time.link(viewer.home());
            }
        }
        access.national(caller);
        model.addAttribute("time", time);
        model.addAttribute("page", pages.consistently(() -> page(time)));
        return "pages/national";
    }

    @GetMapping("/national/{table}.csv")
    ResponseEntity<CsvView> table(
            @PathVariable String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            Caller caller) {
        access.national(caller);
        PageTime time = PageTime.of(at, asOf, reads);
        CsvView csv = pages.consistently(() -> page(time))
                .table(table)
                .orElseThrow(() -> new PageNotFound("The national overview has no table " + table + "."));
        return DownloadTable.download(csv, "national-" + table + "-" + time.at());
    }

    private NationalPage page(PageTime time) {
        LocalDate at = time.at();
        AsOf asOf = time.knowledge();
        NationalOverview overview = readiness.nationalOverview(at, asOf);
        NationalReadiness national = overview.readiness();
        List<NationalPage.Region> regions = new ArrayList<>();
        for (NationalReadiness.RegionCounts region : national.byRegion()) {
            regions.add(new NationalPage.Region(
                    region,
                    overview.systems().stream()
                            .filter(ics -> ics.regionCode().equals(region.regionCode()))
                            .toList()));
        }
        RatingTrend trend = overview.trend();
        return new NationalPage(
                national,
                regions,
                programme.programme(at, asOf),
                trend,
                TrendChart.of("national-trend", trend, PageModelAdvice.FORMATS));
    }
}
