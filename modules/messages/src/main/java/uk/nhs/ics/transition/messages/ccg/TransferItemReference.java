package uk.nhs.ics.transition.messages.ccg;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import uk.nhs.ics.transition.messages.common.Checks;

/**
 * The CCG's own identifier of a transfer item, as its asset register, contract register or staff list names the row
 * (say {@code CON-0042}). It is unique among the live items of a scheme, and it is what a register import matches
 * rows by. Items recorded without one are known in registers by their item id ({@code T-12}).
 */
public record TransferItemReference(@JsonValue String value) {

    /** Longest reference. */
    public static final int MAX_LENGTH = 100;

    @JsonCreator
    public TransferItemReference {
        value = Checks.text(value, "reference", MAX_LENGTH);
    }

    public static TransferItemReference of(String value) {
        return new TransferItemReference(value);
    }

    /** A reference that may be absent: {@code null} or blank gives {@code null}. */
    public static TransferItemReference ofNullable(String value) {
        return value == null || value.isBlank() ? null : new TransferItemReference(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
