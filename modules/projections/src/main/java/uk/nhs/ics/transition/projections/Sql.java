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

    /** Strings as a {@code text[]} parameter. */
    public static String[] textArray(Stream<String> values) {
        return values.toArray(String[]::new);
    }
}
