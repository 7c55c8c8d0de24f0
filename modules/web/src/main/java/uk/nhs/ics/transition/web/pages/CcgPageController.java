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
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.transfer.SchemeView;
import uk.nhs.ics.transition.projections.transfer.TransferItemView;
import uk.nhs.ics.transition.projections.transfer.TransferQueries;
import uk.nhs.ics.transition.projections.transfer.TransferTotalsView;
import uk.nhs.ics.transition.web.csv.CsvView;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.security.Caller;

/**
 * {@code /ccgs/{code}}: a CCG's transfer scheme, with its totals per receiving ICS and its items a page at a time;
 * for whoever may read the CCG's ICS or an ICS it sends to.
 */
@Controller
@Hidden
class CcgPageController {

    static final int ITEMS_PER_PAGE = 50;

    private final TransferQueries transfers;
    private final PageAccess access;
    private final PageReads pages;
    private final Reads reads;

    CcgPageController(TransferQueries transfers, PageAccess access, PageReads pages, Reads reads) {
        this.transfers = transfers;
        this.access = access;
        this.pages = pages;
        this.reads = reads;
    }

    @GetMapping("/ccgs/{ccgCode}")
    String ccg(
            @PathVariable String ccgCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            Caller caller,
            Model model) {
        access.ccg(caller, ccgCode);
        PageTime time = PageTime.of(at, asOf, reads);
        SchemeView scheme = scheme(ccgCode, time, page);
        model.addAttribute("time", time);
        model.addAttribute("scheme", scheme);
        model.addAttribute("pages", Math.max(1, (scheme.items().totalItems() + ITEMS_PER_PAGE - 1) / ITEMS_PER_PAGE));
        return "pages/ccg";
    }

    @GetMapping("/ccgs/{ccgCode}/{table}.csv")
    ResponseEntity<CsvView> table(
            @PathVariable String ccgCode,
            @PathVariable String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            Caller caller) {
        access.ccg(caller, ccgCode);
        PageTime time = PageTime.of(at, asOf, reads);
        SchemeView scheme = scheme(ccgCode, time, page);
        CsvView csv =
                switch (table) {
                    case "totals" -> totals(scheme);
                    case "items" -> items(scheme);
                    default -> throw new PageNotFound("The CCG's page has no table " + table + ".");
                };
        return DownloadTable.download(csv, "ccg-" + ccgCode + "-" + table + "-" + time.at());
    }

    private SchemeView scheme(String ccgCode, PageTime time, int page) {
        return pages.consistently(() -> transfers
                .scheme(ccgCode, time.knowledge(), new PageRequest(page, ITEMS_PER_PAGE))
                .orElseThrow(() -> new PageNotFound("CCG " + ccgCode + " was not known at that time.")));
    }

    private static DownloadTable totals(SchemeView scheme) {
        DownloadTable.Builder table = DownloadTable.of(
                "receivingIcs",
                "assetsPence",
                "liabilitiesPence",
                "netPositionPence",
                "contracts",
                "contractAnnualValuePence",
                "headcount",
                "wte",
                "items");
        for (TransferTotalsView totals : scheme.totals()) {
            table.row(
                    totals.receivingIcs(),
                    totals.assetsPence(),
                    totals.liabilitiesPence(),
                    totals.netPositionPence(),
                    totals.contractCount(),
                    totals.contractAnnualValuePence(),
                    totals.headcount(),
                    totals.wte(),
                    totals.items());
        }
        return table.build();
    }

    private static DownloadTable items(SchemeView scheme) {
        DownloadTable.Builder table = DownloadTable.of(
                "itemId",
                "kind",
                "receivingIcs",
                "description",
                "counterparty",
                "valuePence",
                "annualValuePence",
                "endDate",
                "novationRequired",
                "headcount",
                "wte");
        for (TransferItemView item : scheme.items().items()) {
            table.row(
                    item.itemId(),
                    item.kind(),
                    item.receivingIcs(),
                    item.description(),
                    item.counterparty(),
                    item.valuePence(),
                    item.annualValuePence(),
                    item.endDate(),
                    item.novationRequired(),
                    item.headcount(),
                    item.wte());
        }
        return table.build();
    }
}
