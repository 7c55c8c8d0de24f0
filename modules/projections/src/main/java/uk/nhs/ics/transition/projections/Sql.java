package uk.nhs.ics.transition.projections;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;

/** Conversions between the values the events carry and what the PostgreSQL driver binds. */
public final class Sql {

    private Sql() {}

    /** An instant as a {@code timestamptz} parameter. */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /**
     * A code column read back as its enum, null staying null. The read models store an enum's {@code name()} (the
     * projections write it so), so an unknown value is a fault of the store and fails here rather than in a client.
     */
    public static <E extends Enum<E>> E code(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** Strings as a {@code text[]} parameter. */
    public static String[] textArray(Stream<String> values) {
        return values.toArray(String[]::new);
    }
}
