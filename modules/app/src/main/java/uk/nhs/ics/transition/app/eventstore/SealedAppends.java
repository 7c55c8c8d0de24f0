package uk.nhs.ics.transition.app.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import uk.nhs.ics.transition.audit.ledger.EventSeals;
import uk.nhs.ics.transition.audit.ledger.StoredEvent;

/**
 * Axon's JDBC append (the statement of {@code JdbcEventStorageEngineStatements.appendEvents} in Axon 4.13.0, the same
 * nine columns bound the same way) with one more column: each event's {@linkplain EventSeals seal}, computed over
 * exactly the bytes being stored, in the same row and the same statement.
 */
public final class SealedAppends implements AppendEventsStatementBuilder {

    private final EventSeals seals;

    public SealedAppends(EventSeals seals) {
        this.seals = seals;
    }

    @Override
    public PreparedStatement build(
            Connection connection,
            EventSchema schema,
            Class<?> dataType,
            List<? extends EventMessage<?>> events,
            Serializer serializer,
            TimestampWriter timestampWriter)
            throws SQLException {
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ", seal)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)";
        PreparedStatement statement = connection.prepareStatement(sql);
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain
                    ? domain
                    : new GenericDomainEventMessage<>(
                            null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            statement.setString(
                    10,
                    seals.seal(StoredEvent.unsealed(
                            event.getIdentifier(),
                            event.getType(),
                            event.getAggregateIdentifier(),
                            event.getSequenceNumber(),
                            payload.getType().getName(),
                            payload.getType().getRevision(),
                            DateTimeUtils.formatInstant(event.getTimestamp()),
                            (byte[]) payload.getData(),
                            (byte[]) metaData.getData())));
            statement.addBatch();
        }
        return statement;
    }
}
