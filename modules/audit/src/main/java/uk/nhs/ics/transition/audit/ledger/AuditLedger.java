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
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.ccg.CcgEvent;
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
    private final ReferenceData reference;

    public AuditLedger(JdbcClient jdbc, ReferenceData reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    /** What the ledger indexes about an event besides its stored bytes. */
    private record Noted(
            long globalIndex,
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

    @EventHandler
    @DisallowReplay
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        long globalIndex = token.position().orElseThrow(() -> new IllegalStateException("no position for " + event));
        MetaData metaData = event.getMetaData();
        batch().add(new Noted(
                globalIndex,
                icsOf(payload),
                payload instanceof CcgEvent ccg ? ccg.ccgCode().value() : null,
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
        Long[] indexes = batch.stream().map(Noted::globalIndex).toArray(Long[]::new);
        Set<Long> already =
                new HashSet<>(jdbc.sql("SELECT global_index FROM audit_ledger WHERE global_index = ANY(:ids)")
                        .param("ids", indexes)
                        .query(Long.class)
                        .list());
        Map<Long, StoredEvent> stored = new HashMap<>();
        jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry e WHERE e.global_index = ANY(:ids)")
                .param("ids", indexes)
                .query(rs -> {
                    StoredEvent event = StoredEvent.read(rs, 1);
                    stored.put(event.globalIndex(), event);
                });
        Head head = jdbc.sql("SELECT sequence, hash FROM audit_ledger ORDER BY sequence DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(new Head(0, ChainHash.GENESIS));
        long sequence = head.sequence();
        String previous = head.hash();
        for (Noted noted : batch) {
            if (!already.add(noted.globalIndex())) {
                continue;
            }
            StoredEvent event = stored.get(noted.globalIndex());
            if (event == null) {
                throw new IllegalStateException("event " + noted.globalIndex() + " is not in the event store");
            }
            String hash = ChainHash.of(previous, event);
            sequence++;
            insert(sequence, noted, event, hash, previous);
            previous = hash;
        }
    }

    private record Head(long sequence, String hash) {}

    private void insert(long sequence, Noted noted, StoredEvent event, String hash, String previous) {
        jdbc.sql("""
                        INSERT INTO audit_ledger (sequence, global_index, event_identifier, event_type, aggregate_type,
                                                  aggregate_id, aggregate_version, occurred_at, ics_code, ccg_code,
                                                  actor, actor_name, actor_role, actor_scope, reason, correlation_id,
                                                  causation_id, client_address, hash, previous_hash)
                        VALUES (:sequence, :globalIndex, :eventIdentifier, :eventType, :aggregateType, :aggregateId,
                                :aggregateVersion, :occurredAt, :ics, :ccg, :actor, :actorName, :actorRole,
                                :actorScope, :reason, :correlationId, :causationId, :clientAddress, :hash, :previous)""")
                .param("sequence", sequence)
                .param("globalIndex", event.globalIndex())
                .param("eventIdentifier", event.eventIdentifier())
                .param("eventType", event.eventType())
                .param("aggregateType", event.aggregateType())
                .param("aggregateId", event.aggregateIdentifier())
                .param("aggregateVersion", event.sequenceNumber())
                .param("occurredAt", Timestamp.from(Instant.parse(event.timeStamp())))
                .param("ics", noted.icsCode())
                .param("ccg", noted.ccgCode())
                .param("actor", noted.actor())
                .param("actorName", noted.actorName())
                .param("actorRole", noted.actorRole())
                .param("actorScope", noted.actorScope())
                .param("reason", noted.reason())
                .param("correlationId", noted.correlationId())
                .param("causationId", noted.causationId())
                .param("clientAddress", noted.clientAddress())
                .param("hash", hash)
                .param("previous", previous)
                .update();
    }

    /** The ICS an event concerns: its own, or for a CCG's event the CCG's ICS. */
    private String icsOf(Object payload) {
        if (payload instanceof IcsEvent ics) {
            return ics.icsCode().value();
        }
        if (payload instanceof CcgEvent ccg) {
            return reference.ccg(ccg.ccgCode()).map(c -> c.ics().value()).orElse(null);
        }
        return null;
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
