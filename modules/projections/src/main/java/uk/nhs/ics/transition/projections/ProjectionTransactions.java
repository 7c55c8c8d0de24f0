package uk.nhs.ics.transition.projections;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How each projection event handler runs inside its batch's transaction:
 *
 * <ol>
 *   <li><b>in a savepoint.</b> PostgreSQL aborts a whole transaction when one statement fails. Without a savepoint,
 *       an event a projection cannot handle poisons its batch: the dead-letter queue cannot even record it, the batch
 *       rolls back, and the processor retries the same event forever. Rolling back to the savepoint undoes only the
 *       failed event's statements, so the event is dead-lettered with its cause and the projection moves on.
 *   <li><b>recording its position.</b> After a domain event is handled, the projection's position for that
 *       aggregate ({@code projection_position}) becomes the event's sequence number, in the same transaction as
 *       the rows it changed. Reads answer with it as their {@code ETag}, and {@code X-Min-Version} waits for it. An
 *       event that fails is not recorded, so a view never claims a version it does not show.
 * </ol>
 */
public class ProjectionTransactions implements HandlerEnhancerDefinition {

    private static final String RECORD_POSITION = """
            INSERT INTO projection_position (projection, aggregate_id, version)
            VALUES (:projection, :aggregate, :version)
            ON CONFLICT (projection, aggregate_id)
            DO UPDATE SET version = GREATEST(projection_position.version, EXCLUDED.version)""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final List<String> packages;

    /**
     * @param dataSource the data source whose transaction the projections write in
     * @param packages the packages whose event handlers write to that data source
     */
    public ProjectionTransactions(DataSource dataSource, List<String> packages) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.packages = List.copyOf(packages);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !writesToDatabase(original.declaringClass())) {
            return original;
        }
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        String projection = group == null ? null : group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                Connection connection = DataSourceUtils.getConnection(dataSource);
                Savepoint savepoint = connection.setSavepoint();
                try {
                    Object result = super.handle(message, target);
                    if (projection != null && message instanceof DomainEventMessage<?> event) {
                        jdbc.sql(RECORD_POSITION)
                                .param("projection", projection)
                                .param("aggregate", event.getAggregateIdentifier())
                                .param("version", event.getSequenceNumber())
                                .update();
                    }
                    connection.releaseSavepoint(savepoint);
                    return result;
                } catch (Exception | Error e) {
                    connection.rollback(savepoint);
                    throw e;
                }
            }
        };
    }

    private boolean writesToDatabase(Class<?> handlerClass) {
        String name = handlerClass.getName();
        return packages.stream().anyMatch(p -> name.startsWith(p + "."));
    }
}
