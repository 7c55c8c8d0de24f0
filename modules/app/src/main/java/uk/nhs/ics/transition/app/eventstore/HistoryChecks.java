package uk.nhs.ics.transition.app.eventstore;

import java.lang.reflect.Method;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.command.AggregateLifecycle;
import uk.nhs.ics.transition.domain.BrokenHistory;

/**
 * Replaying an aggregate's history either works or fails with a {@link BrokenHistory} that names the aggregate and
 * the event, never a {@code NullPointerException} from deep inside a sourcing handler:
 *
 * <ul>
 *   <li>{@link #contiguous} checks that the sequence numbers read follow one another (Axon 4.13 applies whatever
 *       the store returns, gaps included, and appends the next event after the last one read);
 *   <li>as a {@link HandlerEnhancerDefinition}, it turns a failure of an {@code @EventSourcingHandler} while an
 *       aggregate is being sourced (not while a command applies a new event, which is a plain bug) into a
 *       {@link BrokenHistory} for that event.
 * </ul>
 *
 * Checked against Axon 4.13.0 ({@code HistoryChecksTest}).
 */
public final class HistoryChecks implements HandlerEnhancerDefinition {

    /** The stream, failing with {@link BrokenHistory} at the first sequence number that does not follow the last. */
    public static DomainEventStream contiguous(String aggregateIdentifier, DomainEventStream events) {
        return new DomainEventStream() {
            private Long last;

            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public DomainEventMessage<?> next() {
                DomainEventMessage<?> event = events.next();
                long sequence = event.getSequenceNumber();
                if (last != null && sequence != last + 1) {
                    throw new BrokenHistory(
                            aggregateIdentifier,
                            last + 1,
                            "the event store holds no event " + (last + 1) + " (the next is " + sequence + ")",
                            null);
                }
                last = sequence;
                return event;
            }

            @Override
            public DomainEventMessage<?> peek() {
                return events.peek();
            }

            @Override
            public Long getLastSequenceNumber() {
                return events.getLastSequenceNumber();
            }
        };
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean sourcing = original.unwrap(Method.class)
                .map(method -> method.isAnnotationPresent(EventSourcingHandler.class))
                .orElse(false);
        if (!sourcing) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                try {
                    return super.handle(message, target);
                } catch (RuntimeException e) {
                    if (e instanceof BrokenHistory
                            || e instanceof EventStoreException
                            || !(message instanceof DomainEventMessage<?> event)
                            || AggregateLifecycle.isLive()) {
                        throw e;
                    }
                    throw new BrokenHistory(
                            event.getAggregateIdentifier(),
                            event.getSequenceNumber(),
                            event.getPayloadType().getSimpleName() + " cannot be applied to the state before it ("
                                    + e.getClass().getSimpleName() + ")",
                            e);
                }
            }
        };
    }
}
