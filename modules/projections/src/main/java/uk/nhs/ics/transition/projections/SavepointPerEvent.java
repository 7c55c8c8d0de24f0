package uk.nhs.ics.transition.projections;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs each projection event handler inside a savepoint of the batch's transaction.
 *
 * <p>Why: PostgreSQL aborts a whole transaction when one statement fails. Without a savepoint, an event a
 * projection cannot handle poisons its batch: the dead-letter queue cannot even record it (its insert is refused
 * too), the batch rolls back, and the processor retries the same event forever. Rolling back to the savepoint
 * undoes only the failed event's statements, so the event is dead-lettered with its cause and the projection moves
 * on. The cost is two short statements per handled event.
 */
public class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final DataSource dataSource;
    private final List<String> packages;

    /**
     * @param dataSource the data source whose transaction the projections write in
     * @param packages the packages whose event handlers write to that data source
     */
    public SavepointPerEvent(DataSource dataSource, List<String> packages) {
        this.dataSource = dataSource;
        this.packages = List.copyOf(packages);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !writesToDatabase(original.declaringClass())) {
            return original;
        }
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
