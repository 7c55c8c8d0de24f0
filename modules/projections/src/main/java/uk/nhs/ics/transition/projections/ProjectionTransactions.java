package uk.nhs.ics.transition.projections;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How each projection event handler runs inside its batch's transaction.
 *
 * <p><b>Its writes are buffered.</b> A handler's {@code update()}s (through {@link BufferingJdbcClient}) go into the
 * batch's {@link StatementBuffer}, sent together just before the batch commits: a batch of a hundred events costs a
 * few round trips to the database, not a few hundred. A handler that throws has its own writes dropped from the
 * buffer, and Axon's dead-letter queue takes its event.
 *
 * <p><b>If the buffered writes fail</b> (the database refuses one of them), the batch rolls back and its processor
 * retries it; for a while after, that projection runs <b>carefully</b>: each handler writes at once, inside a
 * savepoint. PostgreSQL aborts a whole transaction when one statement fails; rolling back to the savepoint undoes
 * only the failed event's statements, so that event is dead-lettered with its cause and the projection moves on. A
 * handler marked {@link PositionOnly} writes nothing and needs neither.
 *
 * <p><b>Its position is recorded.</b> After a domain event is handled, the projection's position for that aggregate
 * ({@code projection_position}) becomes the event's sequence number, in the same transaction as the rows it changed:
 * noted as each event succeeds, written for the whole batch, one row per aggregate, after its other writes. Reads
 * answer with it as their {@code ETag}, and {@code X-Min-Version} waits for it. An event that fails is not recorded,
 * so a view never claims a version it does not show.
 */
public class ProjectionTransactions implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(ProjectionTransactions.class);

    private static final String RECORD_POSITIONS = """
            INSERT INTO projection_position (projection, aggregate_id, version)
            SELECT :projection, unnest(CAST(:aggregates AS text[])), unnest(CAST(:versions AS bigint[]))
            ON CONFLICT (projection, aggregate_id)
            DO UPDATE SET version = GREATEST(projection_position.version, EXCLUDED.version)""";

    /** How long a projection runs carefully after its buffered writes failed. */
    private static final Duration CAREFUL_FOR = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final List<String> packages;
    private final Map<String, Long> carefulUntil = new ConcurrentHashMap<>();

    /**
     * @param dataSource the data source whose transaction the projections write in
     * @param packages the packages whose event handlers write to that data source
     */
    public ProjectionTransactions(DataSource dataSource, List<String> packages) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new NamedParameterJdbcTemplate(dataSource);
        this.packages = List.copyOf(packages);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !writesToDatabase(original.declaringClass())) {
            return original;
        }
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        String projection = group == null ? original.declaringClass().getName() : group.value();
        boolean writes = !original.unwrap(Method.class)
                .map(method -> method.isAnnotationPresent(PositionOnly.class))
                .orElse(false);
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                Object result;
                if (!writes) {
                    result = super.handle(message, target);
                } else if (careful(projection) || !CurrentUnitOfWork.isStarted()) {
                    result = inSavepoint(() -> super.handle(message, target));
                } else {
                    result = buffered(projection, () -> super.handle(message, target));
                }
                if (group != null && message instanceof DomainEventMessage<?> event) {
                    note(projection, event.getAggregateIdentifier(), event.getSequenceNumber());
                }
                return result;
            }
        };
    }

    private interface Handling {
        Object handle() throws Exception;
    }

    private Object buffered(String projection, Handling handling) throws Exception {
        StatementBuffer buffer = buffer(projection);
        int mark = buffer.size();
        buffer.activate();
        try {
            return handling.handle();
        } catch (Exception | Error e) {
            buffer.truncate(mark);
            throw e;
        } finally {
            buffer.deactivate();
        }
    }

    /** The batch's buffer, sent just before the batch commits (and before its positions are written). */
    private StatementBuffer buffer(String projection) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(StatementBuffer.class.getName() + "/" + projection, key -> {
            StatementBuffer buffer = new StatementBuffer();
            root.onPrepareCommit(unitOfWork -> {
                try {
                    buffer.flush(batches);
                } catch (RuntimeException e) {
                    carefulUntil.put(projection, System.nanoTime() + CAREFUL_FOR.toNanos());
                    log.warn(
                            "Projection {} could not write a batch; retrying it event by event, so that the event"
                                    + " at fault is dead-lettered",
                            projection,
                            e);
                    throw e;
                }
            });
            return buffer;
        });
    }

    private boolean careful(String projection) {
        Long until = carefulUntil.get(projection);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until > 0) {
            carefulUntil.remove(projection, until);
            return false;
        }
        return true;
    }

    private Object inSavepoint(Handling handling) throws Exception {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint = connection.setSavepoint();
        try {
            Object result = handling.handle();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (Exception | Error e) {
            connection.rollback(savepoint);
            throw e;
        }
    }

    /** Notes the version for the batch's positions, written once just before the batch commits. */
    private void note(String projection, String aggregate, long version) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(projection, Map.of(aggregate, version));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Long> positions =
                root.getOrComputeResource(ProjectionTransactions.class.getName() + "/" + projection, key -> {
                    Map<String, Long> batch = new LinkedHashMap<>();
                    root.onPrepareCommit(unitOfWork -> write(projection, batch));
                    return batch;
                });
        positions.merge(aggregate, version, Math::max);
    }

    private void write(String projection, Map<String, Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        jdbc.sql(RECORD_POSITIONS)
                .param("projection", projection)
                .param("aggregates", positions.keySet().toArray(String[]::new))
                .param("versions", positions.values().toArray(Long[]::new))
                .update();
    }

    private boolean writesToDatabase(Class<?> handlerClass) {
        String name = handlerClass.getName();
        return packages.stream().anyMatch(p -> name.startsWith(p + "."));
    }
}
