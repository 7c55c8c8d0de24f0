package uk.nhs.ics.transition.web.pages;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import uk.nhs.ics.transition.audit.history.IcsHistory;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.board.BoardQueries;
import uk.nhs.ics.transition.projections.constitution.ConstitutionQueries;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceQueries;
import uk.nhs.ics.transition.projections.readiness.IcsRating;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;
import uk.nhs.ics.transition.projections.reference.IcsIdentity;
import uk.nhs.ics.transition.projections.reference.ReferenceDataQueries;
import uk.nhs.ics.transition.projections.transfer.TransferQueries;
import uk.nhs.ics.transition.web.csv.CsvView;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.security.Caller;

/** {@code /systems/{code}}: one ICS in full; for its programme managers, its regional team, national, auditors. */
@Controller
@Hidden
class SystemPageController {

    private final ReferenceDataQueries reference;
    private final ReadinessQueries readiness;
    private final BoardQueries board;
    private final DueDiligenceQueries dueDiligence;
    private final ConstitutionQueries constitution;
    private final TransferQueries transfers;
    private final IcsHistory history;
    private final PageAccess access;
    private final PageReads pages;
    private final Reads reads;

    SystemPageController(
            ReferenceDataQueries reference,
            ReadinessQueries readiness,
            BoardQueries board,
            DueDiligenceQueries dueDiligence,
            ConstitutionQueries constitution,
            TransferQueries transfers,
            IcsHistory history,
            PageAccess access,
            PageReads pages,
            Reads reads) {
        this.reference = reference;
        this.readiness = readiness;
        this.board = board;
        this.dueDiligence = dueDiligence;
        this.constitution = constitution;
        this.transfers = transfers;
        this.history = history;
        this.access = access;
        this.pages = pages;
        this.reads = reads;
    }

    @GetMapping("/systems/{icsCode}")
    String system(
            @PathVariable String icsCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(name = "history", defaultValue = "0") @Min(0) int historyPage,
            Caller caller,
            Model model) {
        access.system(caller, icsCode);
        PageTime time = PageTime.of(at, asOf, reads);
        SystemPage page = pages.consistently(() -> page(icsCode, time, historyPage));
        model.addAttribute("time", time);
        model.addAttribute("page", page);
        model.addAttribute(
                "mayReadRegion", access.mayReadRegion(caller, page.identity().regionCode()));
        model.addAttribute("mayReadNational", access.mayReadNational(caller));
        return "pages/system";
    }

    @GetMapping("/systems/{icsCode}/{table}.csv")
    ResponseEntity<CsvView> table(
            @PathVariable String icsCode,
            @PathVariable String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(name = "history", defaultValue = "0") @Min(0) int historyPage,
            Caller caller) {
        access.system(caller, icsCode);
        PageTime time = PageTime.of(at, asOf, reads);
        CsvView csv = pages.consistently(() -> page(icsCode, time, historyPage))
                .table(table)
                .orElseThrow(() -> new PageNotFound("The ICS's page has no table " + table + "."));
        return DownloadTable.download(csv, "ics-" + icsCode + "-" + table + "-" + time.at());
    }

    private SystemPage page(String icsCode, PageTime time, int historyPage) {
        LocalDate at = time.at();
        AsOf asOf = time.knowledge();
        IcsIdentity identity = reference
                .ics(icsCode, asOf)
                .orElseThrow(() -> new PageNotFound("ICS " + icsCode + " was not known at that time."));
        IcsRating rating = readiness
                .rating(icsCode, at, asOf)
                .orElseThrow(() -> new PageNotFound("ICS " + icsCode + " was not known at that time."));
        IcsHistory.Slice changes = history.latest(
                icsCode, time.asOf(), (long) historyPage * SystemPage.HISTORY_PAGE_SIZE, SystemPage.HISTORY_PAGE_SIZE);
        return new SystemPage(
                identity,
                rating,
                SystemPage.byQuarter(readiness.milestones(icsCode, at, asOf).orElseThrow()),
                board.board(icsCode, asOf).orElse(null),
                dueDiligence.dueDiligence(icsCode, asOf).orElse(null),
                constitution.constitution(icsCode, asOf).orElse(null),
                transfers.ledgerTotals(icsCode, asOf),
                changes.entries(),
                changes.total(),
                historyPage,
                (int) Math.max(1, (changes.total() + SystemPage.HISTORY_PAGE_SIZE - 1) / SystemPage.HISTORY_PAGE_SIZE));
    }
}
