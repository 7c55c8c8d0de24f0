package uk.nhs.ics.transition.projections;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The knowledge time of a read: everything recorded so far, or only what had been recorded by a past instant.
 * Every query takes one, so a read "as of" an instant runs the same SQL as a read of the present.
 */
public final class AsOf {

    /** Later than any instant an event can carry; the bound of a read of the present. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private static final AsOf NOW = new AsOf(null);

    private final Instant instant;

    private AsOf(Instant instant) {
        this.instant = instant;
    }

    public static AsOf now() {
        return NOW;
    }

    /** As of an instant; {@code null} means now. */
    public static AsOf of(Instant instant) {
        return instant == null ? NOW : new AsOf(instant);
    }

    public boolean isNow() {
        return instant == null;
    }

    /** The instant asked for, if this is a read of the past. */
    public Optional<Instant> instant() {
        return Optional.ofNullable(instant);
    }

    /** The bound to compare {@code recorded_at} columns with: a row is known if it was recorded at or before it. */
    public Timestamp bound() {
        return Timestamp.from(instant == null ? END_OF_TIME : instant);
    }

    @Override
    public String toString() {
        return instant == null ? "now" : instant.toString();
    }
}
