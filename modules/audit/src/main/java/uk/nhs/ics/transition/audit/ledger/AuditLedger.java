package uk.nhs.ics.transition.audit.ledger;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.domain.reference.ReferenceData;

/**
 * Appends every event to the ledger, in the order the event store delivers them, chaining each entry's hash to the
 * one before. The ledger runs as one segment, so there is one order; it is never replayed (its entries, like the
 * events, cannot be changed), and it never skips an event: a failure stops it and it retries.
 *
 * <p>Each event handled only notes its identifier; the batch is read back from the store as stored (bytes, not
 * re-encoded text), hashed and written in one go just before it commits, in the same transaction as the processor's
 * position. What an entry shows besides the hashes is derived from those bytes ({@link LedgerFacts}), so whatever the
 * store accepted can be recorded. Each event's seal is checked before it is chained ({@link EventSeals}): an event the
 * service did not write is still recorded, as the store holds it, with its verdict, and the log says so. An event
 * already in the ledger (seen again after a crash) is not added twice. The batch also adds the nodes it completes to the
 * ledger's Merkle tree ({@link LedgerTreeStore}), so the tree always has exactly the ledger's entries.
 */
@ProcessingGroup(AuditLedger.NAME)
public class AuditLedger {

    public static final String NAME = "audit-ledger";
    private static final Logger log = LoggerFactory.getLogger(AuditLedger.class);
    private static final String BATCH = AuditLedger.class.getName() + ".batch";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final ReferenceData reference;
    private final EventSeals seals;
    private final LedgerTreeStore tree;
    private final AtomicLong forged = new AtomicLong();
    private volatile Long sealedFrom;

    public AuditLedger(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batches,
            ReferenceData reference,
            EventSeals seals,
            LedgerTreeStore tree) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.reference = reference;
        this.seals = seals;
        this.tree = tree;
    }

    /**
     * Takes every event, by its identifier alone: an event is known by its identifier, never by the stream's
     * position. Writers commit concurrently, so an event can become visible after events with higher global indexes,
     * and the stream delivers it late, as a gap filled, with a position that is the highest index seen so far.
     */
    @EventHandler
    @DisallowReplay
    void on(EventMessage<?> event) {
        batch().add(event.getIdentifier());
    }

    /** How many events the ledger has recorded, since this process started, that the service did not seal. */
    public long forgedSinceStart() {
        return forged.get();
    }

    private List<String> batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            List<String> batch = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> append(batch));
            return batch;
        });
    }

    /** Hashes and writes the batch after the ledger's current head. */
    void append(List<String> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, StoredEvent> stored = new HashMap<>();
        jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry e"
                        + " WHERE e.event_identifier = ANY(CAST(:ids AS text[]))")
                .param("ids", batch.toArray(String[]::new))
                .query(rs -> {
                    StoredEvent event = StoredEvent.read(rs, 1);
                    stored.put(event.eventIdentifier(), event);
                });
        Set<Long> already = new HashSet<>(jdbc.sql(
                        "SELECT global_index FROM audit_ledger WHERE global_index = ANY(:indexes)")
                .param(
                        "indexes",
                        stored.values().stream().map(StoredEvent::globalIndex).toArray(Long[]::new))
                .query(Long.class)
                .list());
        Head head = jdbc.sql("SELECT sequence, hash FROM audit_ledger ORDER BY sequence DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(new Head(0, ChainHash.GENESIS));
        long sequence = head.sequence();
        String previous = head.hash();
        List<MapSqlParameterSource> rows = new ArrayList<>(batch.size());
        List<String> hashes = new ArrayList<>(batch.size());
        for (String identifier : batch) {
            StoredEvent event = stored.get(identifier);
            if (event == null) {
                throw new IllegalStateException("event " + identifier + " is not in the event store");
            }
            if (!already.add(event.globalIndex())) {
                continue;
            }
            String verdict = verdict(event);
            if (!verdict.equals(EventSeals.Verdict.AUTHENTIC.name()) && !verdict.equals(BEFORE_SEALING)) {
                forged.incrementAndGet();
                log.error(
                        "Event {} (global index {}, {} {} #{}) was not sealed by this service ({}): it is recorded"
                                + " as the store holds it, and /audit/verify reports it",
                        event.eventIdentifier(),
                        event.globalIndex(),
                        LedgerFacts.clean(event.aggregateType()),
                        LedgerFacts.clean(event.aggregateIdentifier()),
                        event.sequenceNumber(),
                        verdict);
            }
            String hash = ChainHash.of(previous, event);
            sequence++;
            rows.add(row(sequence, LedgerFacts.of(event, reference), event, verdict, hash, previous));
            hashes.add(hash);
            previous = hash;
        }
        if (!rows.isEmpty()) {
            batches.batchUpdate(INSERT, rows.toArray(MapSqlParameterSource[]::new));
            tree.append(head.sequence(), hashes);
        }
    }

    /** The verdict a ledger entry records for the event's seal: an {@link EventSeals.Verdict}, or before sealing. */
    static final String BEFORE_SEALING = "BEFORE_SEALING";

    String verdict(StoredEvent event) {
        return verdict(event, sealedFrom(), seals);
    }

    static String verdict(StoredEvent event, long sealedFrom, EventSeals seals) {
        if (event.globalIndex() < sealedFrom
                && (event.seal() == null || event.seal().isBlank())) {
            return BEFORE_SEALING;
        }
        return seals.check(event, event.seal()).name();
    }

    private long sealedFrom() {
        Long known = sealedFrom;
        if (known == null) {
            known = sealedFrom(jdbc);
            sealedFrom = known;
        }
        return known;
    }

    /** The first global index the service sealed (events before it were stored by a release that did not seal). */
    static long sealedFrom(JdbcClient jdbc) {
        return jdbc.sql("SELECT min(sealed_from_global_index) FROM event_seal_boundary")
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private record Head(long sequence, String hash) {}

    private static final String INSERT = """
            INSERT INTO audit_ledger (sequence, global_index, event_identifier, event_type, aggregate_type,
                                      aggregate_id, aggregate_version, occurred_at, ics_code, ccg_code,
                                      actor, actor_name, actor_role, actor_scope, reason, correlation_id,
                                      causation_id, client_address, client_request_id, seal_verdict, hash,
                                      previous_hash)
            VALUES (:sequence, :globalIndex, :eventIdentifier, :eventType, :aggregateType, :aggregateId,
                    :aggregateVersion, :occurredAt, :ics, :ccg, :actor, :actorName, :actorRole,
                    :actorScope, :reason, :correlationId, :causationId, :clientAddress, :clientRequestId,
                    :sealVerdict, :hash, :previous)""";

    private static MapSqlParameterSource row(
            long sequence, LedgerFacts facts, StoredEvent event, String verdict, String hash, String previous) {
        return new MapSqlParameterSource()
                .addValue("sequence", sequence)
                .addValue("globalIndex", event.globalIndex())
                .addValue("eventIdentifier", LedgerFacts.clean(event.eventIdentifier()))
                .addValue("eventType", facts.eventType())
                .addValue("aggregateType", facts.aggregateType())
                .addValue("aggregateId", facts.aggregateId())
                .addValue("aggregateVersion", facts.aggregateVersion())
                .addValue("occurredAt", Timestamp.from(facts.occurredAt()))
                .addValue("ics", facts.icsCode())
                .addValue("ccg", facts.ccgCode())
                .addValue("actor", facts.actor())
                .addValue("actorName", facts.actorName())
                .addValue("actorRole", facts.actorRole())
                .addValue("actorScope", facts.actorScope())
                .addValue("reason", facts.reason())
                .addValue("correlationId", facts.correlationId())
                .addValue("causationId", facts.causationId())
                .addValue("clientAddress", facts.clientAddress())
                .addValue("clientRequestId", facts.clientRequestId())
                .addValue("sealVerdict", verdict)
                .addValue("hash", hash)
                .addValue("previous", previous);
    }
}
