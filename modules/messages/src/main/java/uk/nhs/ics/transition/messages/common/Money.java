package uk.nhs.ics.transition.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An amount of money in whole pence. Never floating point. */
public record Money(@JsonValue long pence) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** The most one transfer item may be worth: £1,000,000,000,000 (a trillion pounds), in pence. */
    public static final long MAX_ITEM_PENCE = 100_000_000_000_000L;

    @JsonCreator
    public static Money pence(long pence) {
        return new Money(pence);
    }

    /** An amount that must not be negative, such as a value or an annual contract value. */
    public static Money nonNegative(Long pence, String field) {
        Checks.required(pence, field);
        if (pence < 0) {
            throw RuleViolation.invalid(field, field + " must not be negative");
        }
        return new Money(pence);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(pence, other.pence));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(pence, other.pence));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(pence, other.pence);
    }

    @Override
    public String toString() {
        long pounds = Math.abs(pence) / 100;
        long rest = Math.abs(pence) % 100;
        return (pence < 0 ? "-" : "") + "£" + String.format("%,d.%02d", pounds, rest);
    }
}
