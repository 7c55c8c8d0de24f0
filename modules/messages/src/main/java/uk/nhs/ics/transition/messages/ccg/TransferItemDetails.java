package uk.nhs.ics.transition.messages.ccg;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/** What one transfer scheme item transfers; each kind carries its own facts. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TransferItemDetails.Staff.class, name = "STAFF"),
    @JsonSubTypes.Type(value = TransferItemDetails.Asset.class, name = "ASSET"),
    @JsonSubTypes.Type(value = TransferItemDetails.Liability.class, name = "LIABILITY"),
    @JsonSubTypes.Type(value = TransferItemDetails.Contract.class, name = "CONTRACT")
})
public sealed interface TransferItemDetails {

    TransferItemKind kind();

    /** A short description of the item for lists and the audit trail. */
    String description();

    /** The most people one staff item may count. */
    int MAX_HEADCOUNT = 1_000_000;

    /**
     * A staff group: how many people, and how many whole-time equivalents they make.
     *
     * @param staffGroup the NHS staff group they belong to (say "Administrative and clerical"), if recorded; absent
     *     in items recorded before it could be
     */
    record Staff(String description, int headcount, Wte wte, String staffGroup) implements TransferItemDetails {
        public Staff {
            description = Checks.text(description, "description", Checks.SHORT_TEXT);
            if (headcount < 0) {
                throw RuleViolation.invalid("headcount", "headcount must not be negative");
            }
            Checks.required(wte, "wte");
            staffGroup = Checks.optionalText(staffGroup, "staffGroup", Checks.SHORT_TEXT);
        }

        /** A staff group with no NHS staff group recorded. */
        public Staff(String description, int headcount, Wte wte) {
            this(description, headcount, wte, null);
        }

        @Override
        public TransferItemKind kind() {
            return TransferItemKind.STAFF;
        }
    }

    /** An asset at its net book value. */
    record Asset(String description, Money value) implements TransferItemDetails {
        public Asset {
            description = Checks.text(description, "description", Checks.SHORT_TEXT);
            Money.nonNegative(Checks.required(value, "valuePence").pence(), "valuePence");
        }

        @Override
        public TransferItemKind kind() {
            return TransferItemKind.ASSET;
        }
    }

    /** A liability at its value. */
    record Liability(String description, Money value) implements TransferItemDetails {
        public Liability {
            description = Checks.text(description, "description", Checks.SHORT_TEXT);
            Money.nonNegative(Checks.required(value, "valuePence").pence(), "valuePence");
        }

        @Override
        public TransferItemKind kind() {
            return TransferItemKind.LIABILITY;
        }
    }

    /** A contract, its annual value, when it ends and whether it must be novated. */
    record Contract(
            String description, String counterparty, Money annualValue, LocalDate endDate, boolean novationRequired)
            implements TransferItemDetails {
        public Contract {
            description = Checks.text(description, "description", Checks.SHORT_TEXT);
            counterparty = Checks.text(counterparty, "counterparty", Checks.SHORT_TEXT);
            Money.nonNegative(Checks.required(annualValue, "annualValuePence").pence(), "annualValuePence");
            Checks.required(endDate, "endDate");
        }

        @Override
        public TransferItemKind kind() {
            return TransferItemKind.CONTRACT;
        }
    }
}
