package uk.nhs.ics.transition.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import uk.nhs.ics.transition.messages.common.MetadataKeys;

/**
 * Carries the audit facts of a message onto every message it causes: the events a command applies, and the commands
 * a relay sends for an event. The actor, role, client address, request and reason are copied unchanged; the cause
 * becomes the handled message itself. Metadata a sender sets explicitly wins over what is copied (Axon merges the
 * explicit metadata last), which is how a relay names the system as actor.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    private static final List<String> COPIED = List.of(
            MetadataKeys.ACTOR,
            MetadataKeys.ACTOR_NAME,
            MetadataKeys.ACTOR_ROLE,
            MetadataKeys.ACTOR_SCOPE,
            MetadataKeys.CLIENT_ADDRESS,
            MetadataKeys.CORRELATION_ID,
            MetadataKeys.REASON);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.putIfAbsent(MetadataKeys.CORRELATION_ID, message.getIdentifier());
        data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
