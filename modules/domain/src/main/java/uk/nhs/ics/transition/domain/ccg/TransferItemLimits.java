package uk.nhs.ics.transition.domain.ccg;

import java.util.Map;
import java.util.TreeMap;
import uk.nhs.ics.transition.domain.Refusal;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferTotals;
import uk.nhs.ics.transition.messages.ccg.Wte;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.Money;

/**
 * How large an item may be, and that a scheme's totals always fit: one item is worth at most £1,000,000,000,000 and
 * counts at most 1,000,000 people or whole-time equivalents, and an item that would take a total beyond what can be
 * recorded exactly is refused, never wrapped round. The limits are checked when an item is recorded, not when
 * stored events are read, so history recorded before them still loads.
 */
final class TransferItemLimits {

    private TransferItemLimits() {}

    /** The item, if each of its amounts is within the limits of one item. */
    static TransferItemDetails check(TransferItemDetails details) {
        if (details instanceof TransferItemDetails.Asset asset) {
            money(asset.value(), "valuePence");
        } else if (details instanceof TransferItemDetails.Liability liability) {
            money(liability.value(), "valuePence");
        } else if (details instanceof TransferItemDetails.Contract contract) {
            money(contract.annualValue(), "annualValuePence");
        } else if (details instanceof TransferItemDetails.Staff staff) {
            if (staff.headcount() > TransferItemDetails.MAX_HEADCOUNT) {
                throw Refusal.because(
                        ErrorCode.INVALID_INPUT,
                        "headcount",
                        "headcount must be at most " + TransferItemDetails.MAX_HEADCOUNT);
            }
            if (staff.wte().hundredths() > Wte.MAX_ITEM_HUNDREDTHS) {
                throw Refusal.because(ErrorCode.INVALID_INPUT, "wte", "wte must be at most " + Wte.of(maxWte()));
            }
        }
        return details;
    }

    /**
     * The totals per receiving ICS once the item is added (and the one it replaces, if any, taken away).
     *
     * @throws uk.nhs.ics.transition.messages.common.RuleViolation {@code TOTAL_TOO_LARGE} if a total would not fit
     */
    static Map<IcsCode, TransferTotals> totalsAfter(
            Map<IcsCode, TransferTotals> totals,
            IcsCode receiver,
            TransferItemDetails added,
            IcsCode removedFrom,
            TransferItemDetails removed) {
        Map<IcsCode, TransferTotals> after = new TreeMap<>(totals);
        try {
            if (removed != null) {
                after.put(removedFrom, after.get(removedFrom).minus(removed));
            }
            after.put(
                    receiver, after.getOrDefault(receiver, TransferTotals.NONE).plus(added));
            return after;
        } catch (ArithmeticException e) {
            throw Refusal.because(
                    ErrorCode.TOTAL_TOO_LARGE,
                    "the scheme's totals for " + receiver + " would become too large to record exactly");
        }
    }

    private static void money(Money amount, String field) {
        if (amount.pence() > Money.MAX_ITEM_PENCE) {
            throw Refusal.because(
                    ErrorCode.INVALID_INPUT,
                    field,
                    field + " must be at most " + Money.MAX_ITEM_PENCE + " pence (£1,000,000,000,000)");
        }
    }

    private static java.math.BigDecimal maxWte() {
        return java.math.BigDecimal.valueOf(Wte.MAX_ITEM_HUNDREDTHS, 2);
    }
}
