package uk.nhs.ics.transition.projections.transfer;

import java.util.List;

/**
 * What a receiving ICS takes on, without the items: totals over every CCG and per sending CCG.
 *
 * @param icsCode the receiving ICS
 * @param totals over every CCG
 * @param byCcg per sending CCG, with its scheme's status
 */
public record LedgerTotals(String icsCode, TransferTotalsView totals, List<LedgerView.CcgTotals> byCcg) {

    public LedgerTotals {
        byCcg = List.copyOf(byCcg);
    }
}
