package uk.nhs.ics.transition.messages.ccg;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/** Whole-time equivalents with two decimals, kept as whole hundredths so sums are exact. */
public record Wte(long hundredths) implements Comparable<Wte> {

    public static final Wte ZERO = new Wte(0);

    /** The most whole-time equivalents one transfer item may carry, in hundredths (1,000,000.00). */
    public static final long MAX_ITEM_HUNDREDTHS = 100_000_000L;

    public Wte {
        if (hundredths < 0) {
            throw RuleViolation.invalid("wte", "wte must not be negative");
        }
    }

    /** Reads a decimal with at most two decimal places, e.g. {@code 12.5} or {@code 12.50}. */
    @JsonCreator
    public static Wte of(BigDecimal value) {
        if (value == null) {
            throw RuleViolation.invalid("wte", "wte is required");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw RuleViolation.invalid("wte", "wte has at most two decimal places");
        }
        try {
            return new Wte(value.movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw RuleViolation.invalid("wte", "wte is too large");
        }
    }

    @JsonValue
    public BigDecimal value() {
        return BigDecimal.valueOf(hundredths, 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    public Wte plus(Wte other) {
        return new Wte(Math.addExact(hundredths, other.hundredths));
    }

    public Wte minus(Wte other) {
        return new Wte(Math.subtractExact(hundredths, other.hundredths));
    }

    @Override
    public int compareTo(Wte other) {
        return Long.compare(hundredths, other.hundredths);
    }

    @Override
    public String toString() {
        return value().toPlainString();
    }
}
