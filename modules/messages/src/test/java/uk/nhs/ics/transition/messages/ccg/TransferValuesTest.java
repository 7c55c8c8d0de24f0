package uk.nhs.ics.transition.messages.ccg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.RuleViolation;

class TransferValuesTest {

    @Test
    void wte_has_at_most_two_decimals_and_sums_exactly() {
        assertThat(Wte.of(new BigDecimal("12.5")).hundredths()).isEqualTo(1250);
        assertThat(Wte.of(new BigDecimal("0.10"))
                        .plus(Wte.of(new BigDecimal("0.20")))
                        .toString())
                .isEqualTo("0.30");
        assertThatThrownBy(() -> Wte.of(new BigDecimal("1.005"))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Wte.of(new BigDecimal("-1"))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void totals_add_and_remove_items_of_every_kind() {
        TransferItemDetails asset = new TransferItemDetails.Asset("Building", Money.pence(1_000));
        TransferItemDetails liability = new TransferItemDetails.Liability("CHC claims", Money.pence(300));
        TransferItemDetails contract = new TransferItemDetails.Contract(
                "Community services", "Kent Community Health", Money.pence(500), LocalDate.of(2023, 3, 31), true);
        TransferItemDetails staff =
                new TransferItemDetails.Staff("Commissioning team", 12, Wte.of(new BigDecimal("10.5")));

        TransferTotals totals =
                TransferTotals.NONE.plus(asset).plus(liability).plus(contract).plus(staff);

        assertThat(totals.assets()).isEqualTo(Money.pence(1_000));
        assertThat(totals.netPosition()).isEqualTo(Money.pence(700));
        assertThat(totals.contractCount()).isEqualTo(1);
        assertThat(totals.contractAnnualValue()).isEqualTo(Money.pence(500));
        assertThat(totals.headcount()).isEqualTo(12);
        assertThat(totals.wte().toString()).isEqualTo("10.50");
        assertThat(totals.minus(asset).minus(liability).minus(contract).minus(staff))
                .isEqualTo(TransferTotals.NONE);
    }

    @Test
    void item_values_cannot_be_negative() {
        assertThatThrownBy(() -> new TransferItemDetails.Asset("Car", Money.pence(-1)))
                .isInstanceOf(RuleViolation.class);
    }
}
