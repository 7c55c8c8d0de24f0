package uk.nhs.ics.transition.audit.ledger;

import java.time.Instant;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the chain from the event store, entry by entry, streaming (flat memory however long the trail), and
 * reports the first entry that does not match: an event changed or removed behind the service's back, or a ledger
 * entry whose link was rewritten. Optionally also checks an earlier published {@link Digest}.
 */
public class LedgerVerifier {

    private static final int FETCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public LedgerVerifier(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(Objects.requireNonNull(jdbcTemplate.getDataSource()));
        this.streaming.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.readOnly.setReadOnly(true);
    }

    /** Recomputes the whole chain. */
    public Verification verify() {
        return verify(null, null);
    }

    /**
     * Recomputes the whole chain and checks that entry {@code digestEvents} still has the hash a digest published.
     */
    public Verification verify(Long digestEvents, String digestHead) {
        return readOnly.execute(tx -> {
            Walk walk = new Walk(digestEvents, digestHead);
            streaming.query(
                    "SELECT l.sequence, l.global_index, l.event_identifier, l.hash, l.previous_hash, "
                            + StoredEvent.COLUMNS + " FROM audit_ledger l"
                            + " LEFT JOIN domain_event_entry e ON e.global_index = l.global_index"
                            + " ORDER BY l.sequence",
                    rs -> {
                        if (walk.broken != null) {
                            return;
                        }
                        long sequence = rs.getLong(1);
                        long globalIndex = rs.getLong(2);
                        String identifier = rs.getString(3);
                        String hash = rs.getString(4);
                        String previous = rs.getString(5);
                        boolean present = rs.getObject(6) != null;
                        StoredEvent event = present ? StoredEvent.read(rs, 6) : null;
                        walk.check(sequence, globalIndex, identifier, hash, previous, event);
                    });
            long stored = jdbc.sql("SELECT count(*) FROM domain_event_entry")
                    .query(Long.class)
                    .single();
            return walk.result(stored);
        });
    }

    /** The ledger's head at a moment: the last entry the ledger had recorded by then. */
    public Digest digest(Instant at) {
        Instant moment = at == null ? Instant.now() : at;
        record Head(long sequence, String hash, Instant recordedAt) {}
        Head head = jdbc.sql("""
                        SELECT sequence, hash, recorded_at FROM audit_ledger
                         WHERE recorded_at <= :at ORDER BY sequence DESC LIMIT 1""")
                .param("at", java.sql.Timestamp.from(moment))
                .query((rs, n) -> new Head(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional()
                .orElse(new Head(0, ChainHash.GENESIS, null));
        return new Digest(
                head.sequence(),
                head.hash(),
                head.recordedAt(),
                moment,
                "ics-transition audit ledger: " + head.sequence() + " events, head " + head.hash() + ", as of "
                        + moment);
    }

    /** The state of one pass over the ledger. */
    private static final class Walk {
        private final Long digestEvents;
        private final String digestHead;
        private String previous = ChainHash.GENESIS;
        private long events;
        private Verification broken;

        Walk(Long digestEvents, String digestHead) {
            this.digestEvents = digestEvents;
            this.digestHead = digestHead;
        }

        void check(long sequence, long globalIndex, String identifier, String hash, String linked, StoredEvent event) {
            String problem = null;
            if (sequence != events + 1) {
                problem = "the ledger has no entry " + (events + 1);
            } else if (!linked.equals(previous)) {
                problem = "the entry's link to the previous entry was changed";
            } else if (event == null) {
                problem = "the event is missing from the event store";
            } else if (!event.eventIdentifier().equals(identifier)) {
                problem = "a different event now stands at this place in the event store";
            } else if (!ChainHash.of(previous, event).equals(hash)) {
                problem = "the event as stored no longer matches its hash: it was changed after it was recorded";
            } else if (digestEvents != null && sequence == digestEvents && !hash.equals(digestHead)) {
                problem = "the ledger no longer matches the digest published for " + digestEvents + " events";
            }
            if (problem != null) {
                broken = new Verification(false, events, previous, 0, sequence, globalIndex, identifier, problem);
                return;
            }
            events = sequence;
            previous = hash;
        }

        Verification result(long storedEvents) {
            long pending = Math.max(0, storedEvents - events);
            if (broken != null) {
                return new Verification(
                        false,
                        broken.events(),
                        broken.head(),
                        pending,
                        broken.firstBrokenSequence(),
                        broken.globalIndex(),
                        broken.eventIdentifier(),
                        broken.problem());
            }
            if (digestEvents != null && digestEvents > events) {
                return new Verification(
                        false,
                        events,
                        previous,
                        pending,
                        null,
                        null,
                        null,
                        "the ledger is shorter than the digest's " + digestEvents + " events");
            }
            return new Verification(true, events, previous, pending, null, null, null, null);
        }
    }
}
