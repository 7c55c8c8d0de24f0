package uk.nhs.ics.transition.audit.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.ccg.CcgEvent;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.ics.IcsEvent;

/**
 * Appends every event to the ledger, in the order the event store delivers them, chaining each entry's hash to the
 * one before. The ledger runs as one segment, so there is one order; it is never replayed (its entries, like the
 * events, cannot be changed), and it never skips an event: a failure stops it and it retries.
 *
 * <p>Each event handled only notes what the ledger needs; the batch is hashed and written in one go just before it
 * commits, in the same transaction as the processor's position. An event already in the ledger (seen again after
 * a crash) is not added twice.
 */
@ProcessingGroup(AuditLedger.NAME)
public class AuditLedger {

    public static final String NAME = "audit-ledger";
    private static final String BATCH = AuditLedger.class.getName() + ".batch";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final ReferenceData reference;

    public AuditLedger(JdbcClient jdbc, NamedParameterJdbcTemplate batches, ReferenceData reference) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.reference = reference;
    }

    /** What the ledger indexes about an event besides its stored bytes. */
    private record Noted(
            String eventIdentifier,
            String icsCode,
            String ccgCode,
            String actor,
            String actorName,
            String actorRole,
            String actorScope,
            String reason,
            String correlationId,
            String causationId,
            String clientAddress) {}

    /**
     * Takes every event, without reading its payload: the ledger hashes the stored bytes, and knows the ICS or CCG an
     * event concerns from its type and its aggregate (an ICS's events are its transition's, a CCG's its scheme's).
     *
     * <p>An event is known by its identifier, never by the stream's position: writers commit concurrently, so an
     * event can become visible after events with higher global indexes, and the stream delivers it late, as a gap
     * filled, with a position that is the highest index seen so far, not its own.
     */
    @EventHandler
    @DisallowReplay
    void on(EventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        Class<?> type = event.getPayloadType();
        String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        String ccg = aggregate != null && CcgEvent.class.isAssignableFrom(type) ? aggregate : null;
        String ics = aggregate != null && IcsEvent.class.isAssignableFrom(type) ? aggregate : icsOfCcg(ccg);
        batch().add(new Noted(
                event.getIdentifier(),
                ics,
                ccg,
                text(metaData, MetadataKeys.ACTOR),
                text(metaData, MetadataKeys.ACTOR_NAME),
                text(metaData, MetadataKeys.ACTOR_ROLE),
                text(metaData, MetadataKeys.ACTOR_SCOPE),
                text(metaData, MetadataKeys.REASON),
                text(metaData, MetadataKeys.CORRELATION_ID),
                text(metaData, MetadataKeys.CAUSATION_ID),
                text(metaData, MetadataKeys.CLIENT_ADDRESS)));
    }

    private List<Noted> batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            List<Noted> batch = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> append(batch));
            return batch;
        });
    }

    /** Hashes and writes the batch after the ledger's current head. */
    void append(List<Noted> batch) {
        if (batch.isEmpty()) {
            return;
        }
        String[] identifiers = batch.stream().map(Noted::eventIdentifier).toArray(String[]::new);
        Map<String, StoredEvent> stored = new HashMap<>();
        jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry e"
                        + " WHERE e.event_identifier = ANY(CAST(:ids AS text[]))")
                .param("ids", identifiers)
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
        for (Noted noted : batch) {
            StoredEvent event = stored.get(noted.eventIdentifier());
            if (event == null) {
                throw new IllegalStateException("event " + noted.eventIdentifier() + " is not in the event store");
            }
            if (!already.add(event.globalIndex())) {
                continue;
            }
            String hash = ChainHash.of(previous, event);
            sequence++;
            rows.add(row(sequence, noted, event, hash, previous));
            previous = hash;
        }
        if (!rows.isEmpty()) {
            batches.batchUpdate(INSERT, rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    private record Head(long sequence, String hash) {}

    private static final String INSERT = """
            INSERT INTO audit_ledger (sequence, global_index, event_identifier, event_type, aggregate_type,
                                      aggregate_id, aggregate_version, occurred_at, ics_code, ccg_code,
                                      actor, actor_name, actor_role, actor_scope, reason, correlation_id,
                                      causation_id, client_address, hash, previous_hash)
            VALUES (:sequence, :globalIndex, :eventIdentifier, :eventType, :aggregateType, :aggregateId,
                    :aggregateVersion, :occurredAt, :ics, :ccg, :actor, :actorName, :actorRole,
                    :actorScope, :reason, :correlationId, :causationId, :clientAddress, :hash, :previous)""";

    private static MapSqlParameterSource row(
            long sequence, Noted noted, StoredEvent event, String hash, String previous) {
        return new MapSqlParameterSource()
                .addValue("sequence", sequence)
                .addValue("globalIndex", event.globalIndex())
                .addValue("eventIdentifier", event.eventIdentifier())
                .addValue("eventType", event.eventType())
                .addValue("aggregateType", event.aggregateType())
                .addValue("aggregateId", event.aggregateIdentifier())
                .addValue("aggregateVersion", event.sequenceNumber())
                .addValue("occurredAt", Timestamp.from(Instant.parse(event.timeStamp())))
                .addValue("ics", noted.icsCode())
                .addValue("ccg", noted.ccgCode())
                .addValue("actor", noted.actor())
                .addValue("actorName", noted.actorName())
                .addValue("actorRole", noted.actorRole())
                .addValue("actorScope", noted.actorScope())
                .addValue("reason", noted.reason())
                .addValue("correlationId", noted.correlationId())
                .addValue("causationId", noted.causationId())
                .addValue("clientAddress", noted.clientAddress())
                .addValue("hash", hash)
                .addValue("previous", previous);
    }

    private String icsOfCcg(String ccg) {
        if (ccg == null) {
            return null;
        }
        try {
            return reference.ccg(CcgCode.of(ccg)).map(c -> c.ics().value()).orElse(null);
        } catch (RuntimeException notACode) {
            return null;
        }
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
