package uk.nhs.ics.transition.projections.transfer;

import java.util.List;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;
import uk.nhs.ics.transition.projections.Page;

/**
 * What a receiving ICS takes on from every CCG: totals overall and per sending CCG, and the items.
 *
 * @param icsCode the receiving ICS
 * @param totals over every CCG
 * @param byCcg per sending CCG
 * @param items the live items (one page)
 */
public record LedgerView(
        String icsCode, TransferTotalsView totals, List<CcgTotals> byCcg, Page<TransferItemView> items) {

    public record CcgTotals(String ccgCode, SchemeStatus schemeStatus, TransferTotalsView totals) {}
}
