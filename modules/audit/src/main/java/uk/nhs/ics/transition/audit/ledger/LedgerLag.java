package uk.nhs.ics.transition.audit.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How far the ledger is behind the event store, cheaply (two index lookups, for health checks and metrics): events
 * stored after the last one the ledger recorded, and how long the oldest of them has waited. An event that committed
 * out of order below the ledger's head is not seen here; {@link LedgerVerifier} counts those exactly.
 *
 * @param pendingEvents events in the store after the ledger's newest entry
 * @param waiting how long the first of them has waited (zero when none is pending)
 */
public record LedgerLag(long pendingEvents, Duration waiting) {

    /** Whether the ledger is further behind than allowed. */
    public boolean beyond(long maxEvents, Duration maxWait) {
        return pendingEvents > maxEvents || waiting.compareTo(maxWait) > 0;
    }

    public static LedgerLag measure(JdbcClient jdbc, Clock clock) {
        long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM audit_ledger")
                .query(Long.class)
                .single();
        long store = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")
                .query(Long.class)
                .single();
        if (store <= head) {
            return new LedgerLag(0, Duration.ZERO);
        }
        Instant oldest = jdbc.sql("SELECT time_stamp FROM domain_event_entry WHERE global_index > :head"
                        + " ORDER BY global_index LIMIT 1")
                .param("head", head)
                .query(String.class)
                .optional()
                .map(LedgerLag::instant)
                .orElse(clock.instant());
        Duration waiting = Duration.between(oldest, clock.instant());
        return new LedgerLag(store - head, waiting.isNegative() ? Duration.ZERO : waiting);
    }

    private static Instant instant(String timeStamp) {
        try {
            return Instant.parse(timeStamp);
        } catch (RuntimeException unreadable) {
            return Instant.EPOCH;
        }
    }
}
