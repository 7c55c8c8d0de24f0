package uk.nhs.ics.transition.audit;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import uk.nhs.ics.transition.messages.common.MetadataKeys;

/**
 * Carries the audit facts of a message onto every message it causes: the events a command applies, and the commands
 * a relay sends for an event. The actor, role, client address, request, trace and reason are copied unchanged; the cause
 * becomes the handled message itself, except that the events of a relayed command name the event that was relayed
 * (commands are not stored, so that is the link an auditor can follow). Metadata a sender sets explicitly wins over what is copied (Axon merges the
 * explicit metadata last), which is how a relay names the system as actor.
 *
 * <p>Where the rules ask for a reason, the command carries it (a {@code reason}, or the {@code comments} of a
 * returned constitution); it becomes the {@code reason} of every event the command causes, whoever sent it.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    private static final Set<String> REASON_COMPONENTS = Set.of("reason", "comments");

    private static final List<String> COPIED = List.of(
            MetadataKeys.ACTOR,
            MetadataKeys.ACTOR_NAME,
            MetadataKeys.ACTOR_ROLE,
            MetadataKeys.ACTOR_SCOPE,
            MetadataKeys.CLIENT_ADDRESS,
            MetadataKeys.CORRELATION_ID,
            MetadataKeys.TRACE_ID,
            MetadataKeys.CLIENT_REQUEST_ID,
            MetadataKeys.REASON,
            MetadataKeys.DEMO);

    /**
     * Who approved a command, and under which approval (four eyes): carried onto the events it applies, but not on
     * to the commands relays send for those events, which the service makes of its own accord.
     */
    private static final List<String> APPROVAL = List.of(
            MetadataKeys.APPROVAL_ID,
            MetadataKeys.APPROVED_BY,
            MetadataKeys.APPROVED_BY_NAME,
            MetadataKeys.APPROVED_BY_ROLE,
            MetadataKeys.APPROVED_BY_SCOPE);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        if (message instanceof CommandMessage<?>) {
            for (String key : APPROVAL) {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            }
        }
        data.putIfAbsent(MetadataKeys.CORRELATION_ID, message.getIdentifier());
        data.put(MetadataKeys.CAUSATION_ID, causeOf(message));
        if (message instanceof CommandMessage<?> command && !data.containsKey(MetadataKeys.REASON)) {
            reasonOf(command.getPayload()).ifPresent(reason -> data.put(MetadataKeys.REASON, reason));
        }
        return data;
    }

    /**
     * What the messages a handled message causes name as their cause. Commands are not stored, so an event names the
     * event that made a relay send its command, when there was one, and otherwise the command; a relayed command
     * names the event it relays.
     */
    private static String causeOf(Message<?> handled) {
        Object relayed = handled.getMetaData().get(MetadataKeys.CAUSATION_ID);
        if (handled instanceof CommandMessage<?> && relayed != null) {
            return relayed.toString();
        }
        return handled.getIdentifier();
    }

    /** The reason (or comments) a command gives, if it is a record with one. */
    static Optional<String> reasonOf(Object command) {
        if (!(command instanceof Record)) {
            return Optional.empty();
        }
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (REASON_COMPONENTS.contains(component.getName()) && component.getType() == String.class) {
                try {
                    Object value = component.getAccessor().invoke(command);
                    if (value != null) {
                        return Optional.of((String) value);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of " + command, e);
                }
            }
        }
        return Optional.empty();
    }
}
