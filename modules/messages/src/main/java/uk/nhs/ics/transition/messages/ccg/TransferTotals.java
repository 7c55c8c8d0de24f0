package uk.nhs.ics.transition.messages.ccg;

import uk.nhs.ics.transition.messages.common.Money;

/**
 * What a transfer scheme sends to one receiving ICS, summed over its live items. The domain keeps these as items
 * come and go; the read side sums the same items; both must always agree.
 */
public record TransferTotals(
        Money assets, Money liabilities, int contractCount, Money contractAnnualValue, int headcount, Wte wte) {

    public static final TransferTotals NONE = new TransferTotals(Money.ZERO, Money.ZERO, 0, Money.ZERO, 0, Wte.ZERO);

    /** Assets less liabilities; may be negative. */
    public Money netPosition() {
        return assets.minus(liabilities);
    }

    /**
     * The totals with the item added.
     *
     * @throws ArithmeticException if a total would no longer fit (the caller refuses the item)
     */
    public TransferTotals plus(TransferItemDetails item) {
        return combine(item, 1);
    }

    public TransferTotals minus(TransferItemDetails item) {
        return combine(item, -1);
    }

    private TransferTotals combine(TransferItemDetails item, int sign) {
        if (item instanceof TransferItemDetails.Asset asset) {
            return new TransferTotals(
                    add(assets, asset.value(), sign), liabilities, contractCount, contractAnnualValue, headcount, wte);
        }
        if (item instanceof TransferItemDetails.Liability liability) {
            return new TransferTotals(
                    assets,
                    add(liabilities, liability.value(), sign),
                    contractCount,
                    contractAnnualValue,
                    headcount,
                    wte);
        }
        if (item instanceof TransferItemDetails.Contract contract) {
            return new TransferTotals(
                    assets,
                    liabilities,
                    Math.addExact(contractCount, sign),
                    add(contractAnnualValue, contract.annualValue(), sign),
                    headcount,
                    wte);
        }
        TransferItemDetails.Staff staff = (TransferItemDetails.Staff) item;
        return new TransferTotals(
                assets,
                liabilities,
                contractCount,
                contractAnnualValue,
                Math.addExact(headcount, sign * staff.headcount()),
                sign > 0 ? wte.plus(staff.wte()) : wte.minus(staff.wte()));
    }

    private static Money add(Money total, Money amount, int sign) {
        return sign > 0 ? total.plus(amount) : total.minus(amount);
    }
}
