package uk.nhs.ics.transition.audit.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.domain.reference.ReferenceData;

/**
 * Recomputes the chain from the event store, entry by entry, streaming (flat memory however long the trail), and
 * reports the first entry that does not match: an event changed or removed behind the service's back, a ledger entry
 * whose link was rewritten, or a column of an entry that no longer says what its event says (every column the trail
 * shows is derived from the event's stored bytes, see {@link LedgerFacts}). It also checks every event's seal
 * ({@link EventSeals}) and reports the events the service did not write; and it counts the events the ledger has not
 * recorded yet, which, beyond the configured limits, make the trail not verified either. Optionally it also checks an
 * earlier published {@link Digest}.
 */
public class LedgerVerifier {

    private static final int FETCH = 1_000;
    /** The most forged events a verification names (it counts them all). */
    private static final int NAMED = 100;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final ReferenceData reference;
    private final EventSeals seals;
    private final LedgerTreeStore tree;
    private final long maxPendingEvents;
    private final Duration maxPendingWait;
    private final Clock clock;

    public LedgerVerifier(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            TransactionTemplate transactions,
            ReferenceData reference,
            EventSeals seals,
            LedgerTreeStore tree,
            long maxPendingEvents,
            Duration maxPendingWait,
            Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(Objects.requireNonNull(jdbcTemplate.getDataSource()));
        this.streaming.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.readOnly.setReadOnly(true);
        this.reference = reference;
        this.seals = seals;
        this.tree = tree;
        this.maxPendingEvents = maxPendingEvents;
        this.maxPendingWait = maxPendingWait;
        this.clock = clock;
    }

    /** Recomputes the whole chain. */
    public Verification verify() {
        return verify(null, null, null);
    }

    /**
     * Recomputes the whole chain and checks that entry {@code digestEvents} still has the hash a digest published.
     */
    public Verification verify(Long digestEvents, String digestHead) {
        return verify(digestEvents, digestHead, null);
    }

    /**
     * Recomputes the whole chain and its Merkle tree, and checks that entry {@code digestEvents} still has the hash a
     * digest published and, if given, that the tree of that many entries still has the root it published.
     */
    public Verification verify(Long digestEvents, String digestHead, String digestRoot) {
        return readOnly.execute(tx -> {
            long sealedFrom = AuditLedger.sealedFrom(jdbc);
            Walk walk = new Walk(digestEvents, digestHead, digestRoot);
            streaming.query(
                    "SELECT l.sequence, l.global_index, l.event_identifier, l.hash, l.previous_hash, l.event_type,"
                            + " l.aggregate_type, l.aggregate_id, l.aggregate_version, l.occurred_at, l.ics_code,"
                            + " l.ccg_code, l.actor, l.actor_name, l.actor_role, l.actor_scope, l.reason,"
                            + " l.correlation_id, l.causation_id, l.client_address, l.client_request_id,"
                            + " l.seal_verdict, "
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
                        LedgerFacts recorded = new LedgerFacts(
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getLong(9),
                                rs.getTimestamp(10).toInstant(),
                                rs.getString(11),
                                rs.getString(12),
                                rs.getString(13),
                                rs.getString(14),
                                rs.getString(15),
                                rs.getString(16),
                                rs.getString(17),
                                rs.getString(18),
                                rs.getString(19),
                                rs.getString(20),
                                rs.getString(21));
                        String recordedVerdict = rs.getString(22);
                        boolean present = rs.getObject(23) != null;
                        StoredEvent event = present ? StoredEvent.read(rs, 23) : null;
                        walk.check(sequence, globalIndex, identifier, hash, previous, event);
                        if (walk.broken == null && event != null) {
                            walk.facts(sequence, globalIndex, identifier, recorded, LedgerFacts.of(event, reference));
                            walk.seal(
                                    sequence,
                                    event,
                                    recordedVerdict,
                                    AuditLedger.verdict(event, sealedFrom, seals),
                                    sealedFrom);
                        }
                    });
            record Pending(long events, Instant oldest) {}
            Pending pending = jdbc.sql("""
                            SELECT count(*), min(e.time_stamp) FROM domain_event_entry e
                             WHERE NOT EXISTS (SELECT 1 FROM audit_ledger l WHERE l.global_index = e.global_index)""")
                    .query((rs, n) ->
                            new Pending(rs.getLong(1), rs.getString(2) == null ? null : instant(rs.getString(2))))
                    .single();
            Duration waiting =
                    pending.oldest() == null ? Duration.ZERO : Duration.between(pending.oldest(), clock.instant());
            walk.storedTree();
            return walk.result(pending.events(), waiting.isNegative() ? Duration.ZERO : waiting);
        });
    }

    private static Instant instant(String timeStamp) {
        try {
            return Instant.parse(timeStamp);
        } catch (RuntimeException unreadable) {
            return Instant.EPOCH;
        }
    }

    /** The ledger's head at a moment: the last entry the ledger had recorded by then, and the tree's root there. */
    public Digest digest(Instant at) {
        Instant moment = at == null ? clock.instant() : at;
        return readOnly.execute(tx -> {
            Long events = jdbc.sql("""
                            SELECT sequence FROM audit_ledger
                             WHERE recorded_at <= :at ORDER BY sequence DESC LIMIT 1""")
                    .param("at", java.sql.Timestamp.from(moment))
                    .query(Long.class)
                    .optional()
                    .orElse(0L);
            return digestOf(events, moment);
        });
    }

    /**
     * The digest of the ledger's first {@code events} entries: the hash of entry {@code events} and the root of their
     * tree, in the caller's transaction (an evidence pack reads its proof in the same one).
     *
     * @param at the moment the digest is said to be of
     */
    public Digest digestOf(long events, Instant at) {
        record Head(String hash, Instant recordedAt) {}
        Head head = events == 0
                ? new Head(ChainHash.GENESIS, null)
                : jdbc.sql("SELECT hash, recorded_at FROM audit_ledger WHERE sequence = :sequence")
                        .param("sequence", events)
                        .query((rs, n) ->
                                new Head(rs.getString(1), rs.getTimestamp(2).toInstant()))
                        .optional()
                        .orElseThrow(() -> new IllegalArgumentException("the ledger has no entry " + events));
        String root = HEX.formatHex(tree.root(events));
        return new Digest(
                events,
                head.hash(),
                root,
                head.recordedAt(),
                at,
                "ics-transition audit ledger: " + events + " events, head " + head.hash() + ", root " + root
                        + ", as of " + at);
    }

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    /** The state of one pass over the ledger. */
    private final class Walk {
        private final Long digestEvents;
        private final String digestHead;
        private final String digestRoot;
        private final MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        private String previous = ChainHash.GENESIS;
        private long events;
        private long beforeSealing;
        private long forgedCount;
        private final List<Verification.Forged> forged = new ArrayList<>();
        private Verification broken;

        Walk(Long digestEvents, String digestHead, String digestRoot) {
            this.digestEvents = digestEvents;
            this.digestHead = digestHead;
            this.digestRoot = digestRoot;
        }

        void check(long sequence, long globalIndex, String identifier, String hash, String linked, StoredEvent event) {
            String problem = null;
            if (sequence != events + 1) {
                problem = "the ledger has no entry " + (events + 1);
            } else if (!linked.equals(previous)) {
                problem = "the entry's link to the previous entry was changed";
            } else if (event == null) {
                problem = "the event is missing from the event store";
            } else if (!LedgerFacts.clean(event.eventIdentifier()).equals(identifier)) {
                problem = "a different event now stands at this place in the event store";
            } else if (!ChainHash.of(previous, event).equals(hash)) {
                problem = "the event as stored no longer matches its hash: it was changed after it was recorded";
            } else if (digestEvents != null && sequence == digestEvents && !hash.equals(digestHead)) {
                problem = "the ledger no longer matches the digest published for " + digestEvents + " events";
            }
            if (problem != null) {
                broken = broken(sequence, globalIndex, identifier, problem);
                return;
            }
            frontier.append(HEX.parseHex(hash));
            if (digestEvents != null
                    && digestRoot != null
                    && sequence == digestEvents
                    && !HEX.formatHex(frontier.root()).equals(digestRoot)) {
                broken = broken(
                        sequence,
                        globalIndex,
                        identifier,
                        "the ledger's tree no longer has the root published for " + digestEvents + " events");
                return;
            }
            events = sequence;
            previous = hash;
        }

        /**
         * The stored tree's root for the entries checked is the one recomputed from them: the tree that digests and
         * evidence packs read was not changed either.
         */
        void storedTree() {
            if (broken != null || events == 0) {
                return;
            }
            byte[] stored;
            try {
                stored = tree.root(events);
            } catch (IllegalStateException missing) {
                stored = null;
            }
            if (stored == null || !java.util.Arrays.equals(stored, frontier.root())) {
                broken = new Verification(
                        false,
                        events,
                        previous,
                        0,
                        events,
                        null,
                        null,
                        "the ledger's stored Merkle tree no longer has the root its entries give: it was changed",
                        0,
                        List.of(),
                        0);
            }
        }

        /** The entry's columns say what its event says. */
        void facts(long sequence, long globalIndex, String identifier, LedgerFacts recorded, LedgerFacts derived) {
            String column = differingColumn(recorded, derived);
            if (column != null) {
                broken = broken(
                        sequence,
                        globalIndex,
                        identifier,
                        "the entry's " + column + " no longer says what its event says: the ledger was changed");
                events = sequence - 1;
            }
        }

        void seal(long sequence, StoredEvent event, String recordedVerdict, String verdict, long sealedFrom) {
            boolean recordedBeforeVerdicts = recordedVerdict == null && event.globalIndex() < sealedFrom;
            if (!recordedBeforeVerdicts && !verdict.equals(recordedVerdict)) {
                broken = broken(
                        sequence,
                        event.globalIndex(),
                        event.eventIdentifier(),
                        "the entry's seal verdict (" + recordedVerdict + ") is not what the event's seal shows ("
                                + verdict + "): the ledger was changed");
                events = sequence - 1;
                return;
            }
            if (verdict.equals(AuditLedger.BEFORE_SEALING)) {
                beforeSealing++;
            } else if (!verdict.equals(EventSeals.Verdict.AUTHENTIC.name())) {
                forgedCount++;
                if (forged.size() < NAMED) {
                    forged.add(new Verification.Forged(event.globalIndex(), event.eventIdentifier(), verdict));
                }
            }
        }

        private Verification broken(long sequence, long globalIndex, String identifier, String problem) {
            return new Verification(
                    false, events, previous, 0, sequence, globalIndex, identifier, problem, 0, List.of(), 0);
        }

        Verification result(long pendingEvents, Duration waiting) {
            if (broken != null) {
                return new Verification(
                        false,
                        broken.events(),
                        broken.head(),
                        pendingEvents,
                        broken.firstBrokenSequence(),
                        broken.globalIndex(),
                        broken.eventIdentifier(),
                        broken.problem(),
                        forgedCount,
                        List.copyOf(forged),
                        beforeSealing);
            }
            String problem = null;
            if (digestEvents != null && digestEvents > events) {
                problem = "the ledger is shorter than the digest's " + digestEvents + " events";
            } else if (forgedCount > 0) {
                problem = forgedCount + " event(s) in the store were not written by this service (see forged)";
            } else if (pendingEvents > maxPendingEvents || waiting.compareTo(maxPendingWait) > 0) {
                problem = "the ledger is behind the event store: " + pendingEvents + " event(s) not yet recorded, the"
                        + " oldest waiting " + waiting.toSeconds() + " s (allowed: " + maxPendingEvents + " events, "
                        + maxPendingWait.toSeconds() + " s)";
            }
            return new Verification(
                    problem == null,
                    events,
                    previous,
                    pendingEvents,
                    null,
                    null,
                    null,
                    problem,
                    forgedCount,
                    List.copyOf(forged),
                    beforeSealing);
        }
    }

    private static String differingColumn(LedgerFacts recorded, LedgerFacts derived) {
        Map<String, Object[]> columns = new LinkedHashMap<>();
        columns.put("event type", new Object[] {recorded.eventType(), derived.eventType()});
        columns.put("aggregate type", new Object[] {recorded.aggregateType(), derived.aggregateType()});
        columns.put("aggregate", new Object[] {recorded.aggregateId(), derived.aggregateId()});
        columns.put("aggregate version", new Object[] {recorded.aggregateVersion(), derived.aggregateVersion()});
        columns.put("time", new Object[] {
            recorded.occurredAt().toEpochMilli(), derived.occurredAt().toEpochMilli()
        });
        columns.put("ICS", new Object[] {recorded.icsCode(), derived.icsCode()});
        columns.put("CCG", new Object[] {recorded.ccgCode(), derived.ccgCode()});
        columns.put("actor", new Object[] {recorded.actor(), derived.actor()});
        columns.put("actor name", new Object[] {recorded.actorName(), derived.actorName()});
        columns.put("actor role", new Object[] {recorded.actorRole(), derived.actorRole()});
        columns.put("actor scope", new Object[] {recorded.actorScope(), derived.actorScope()});
        columns.put("reason", new Object[] {recorded.reason(), derived.reason()});
        columns.put("correlation id", new Object[] {recorded.correlationId(), derived.correlationId()});
        columns.put("causation id", new Object[] {recorded.causationId(), derived.causationId()});
        columns.put("client address", new Object[] {recorded.clientAddress(), derived.clientAddress()});
        columns.put("client request id", new Object[] {recorded.clientRequestId(), derived.clientRequestId()});
        for (Map.Entry<String, Object[]> column : columns.entrySet()) {
            if (!Objects.equals(column.getValue()[0], column.getValue()[1])) {
                return column.getKey();
            }
        }
        return null;
    }
}
