package uk.nhs.ics.transition.audit.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An event exactly as the event store holds it: the bytes of its payload and metadata, not their meaning. The chain
 * is computed over these, so even a change that parses to the same values is caught.
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData,
        String seal) {

    /** The columns to select from {@code domain_event_entry}, in the order {@link #read} expects. */
    public static final String COLUMNS = "e.global_index, e.event_identifier, e.type, e.aggregate_identifier,"
            + " e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data, e.seal";

    /** The event as it is about to be stored, before it has a global index or a seal. */
    public static StoredEvent unsealed(
            String eventIdentifier,
            String aggregateType,
            String aggregateIdentifier,
            long sequenceNumber,
            String payloadType,
            String payloadRevision,
            String timeStamp,
            byte[] payload,
            byte[] metaData) {
        return new StoredEvent(
                0,
                eventIdentifier,
                aggregateType,
                aggregateIdentifier,
                sequenceNumber,
                payloadType,
                payloadRevision,
                timeStamp,
                payload,
                metaData,
                null);
    }

    /** Reads the {@link #COLUMNS} starting at the given column. */
    public static StoredEvent read(ResultSet rs, int first) throws SQLException {
        return new StoredEvent(
                rs.getLong(first),
                rs.getString(first + 1),
                rs.getString(first + 2),
                rs.getString(first + 3),
                rs.getLong(first + 4),
                rs.getString(first + 5),
                rs.getString(first + 6),
                rs.getString(first + 7),
                rs.getBytes(first + 8),
                rs.getBytes(first + 9),
                rs.getString(first + 10));
    }

    /** The payload type without its package: {@code MilestoneCompleted}. */
    public String eventType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
