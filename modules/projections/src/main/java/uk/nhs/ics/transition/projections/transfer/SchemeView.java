package uk.nhs.ics.transition.projections.transfer;

import java.time.LocalDate;
import java.util.List;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;
import uk.nhs.ics.transition.projections.Page;

/**
 * One CCG's transfer scheme.
 *
 * @param ccgCode the CCG
 * @param ccgName its name
 * @param icsCode the ICS it belonged to
 * @param possibleReceivers the ICSs its items may go to (its own, and any boundary change's destination)
 * @param status DRAFT, AGREED or EFFECTED
 * @param agreedOn when every party had agreed
 * @param effectedOn when the transfer took place
 * @param abolishedOn when the CCG was abolished
 * @param variations how many variations were recorded after agreement
 * @param agreements the parties whose agreement stands, with their signatories
 * @param totals per receiving ICS
 * @param items the live items (one page)
 * @param version the CCG's version this view shows, for {@code ETag}
 */
public record SchemeView(
        String ccgCode,
        String ccgName,
        String icsCode,
        List<String> possibleReceivers,
        SchemeStatus status,
        LocalDate agreedOn,
        LocalDate effectedOn,
        LocalDate abolishedOn,
        int variations,
        List<Agreement> agreements,
        List<TransferTotalsView> totals,
        Page<TransferItemView> items,
        Long version) {

    public record Agreement(String party, String signatory) {}
}
