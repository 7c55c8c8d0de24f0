package uk.nhs.ics.transition.domain.relay;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.ics.transition.domain.BrokenHistory;
import uk.nhs.ics.transition.messages.common.MetadataKeys;

/**
 * Sends a relayed command in the system's name; the cause and request are carried over from the event.
 *
 * <p>A target whose recorded history cannot be replayed ({@link BrokenHistory}) does not get the fact, and the relay
 * says so in the log, loudly, and moves on: retrying cannot repair an append-only history, and the other aggregates
 * must not wait behind it. Every other failure stops the relay, which retries until the fact is delivered.
 */
final class Relays {

    private static final Logger log = LoggerFactory.getLogger(Relays.class);

    /** The processing group every relay runs in. */
    static final String PROCESSING_GROUP = "relays";

    private Relays() {}

    static void send(CommandGateway commands, Object command, String relay) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(
                            MetadataKeys.ACTOR, MetadataKeys.SYSTEM_ACTOR,
                            MetadataKeys.ACTOR_NAME, "ics-transition relay (" + relay + ")",
                            MetadataKeys.ACTOR_ROLE, MetadataKeys.SYSTEM_ROLE)));
        } catch (RuntimeException failure) {
            BrokenHistory broken = BrokenHistory.behind(failure).orElseThrow(() -> failure);
            log.error(
                    "Relay {} could not deliver {} to {}, whose history cannot be replayed; it goes on with the others",
                    relay,
                    command,
                    broken.aggregateId(),
                    failure);
        }
    }
}
