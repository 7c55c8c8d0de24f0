package uk.nhs.ics.transition.projections.transfer;

import java.math.BigDecimal;

/**
 * What transfers to one receiving ICS, summed over the live items.
 *
 * @param receivingIcs the ICS
 * @param assetsPence total net book value of assets
 * @param liabilitiesPence total value of liabilities
 * @param netPositionPence assets less liabilities
 * @param contractCount how many contracts
 * @param contractAnnualValuePence their total annual value
 * @param headcount staff headcount
 * @param wte staff whole-time equivalents
 * @param items how many live items
 */
public record TransferTotalsView(
        String receivingIcs,
        long assetsPence,
        long liabilitiesPence,
        long netPositionPence,
        int contractCount,
        long contractAnnualValuePence,
        int headcount,
        BigDecimal wte,
        int items) {}
