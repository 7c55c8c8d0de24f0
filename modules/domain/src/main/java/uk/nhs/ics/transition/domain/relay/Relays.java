package uk.nhs.ics.transition.domain.relay;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import uk.nhs.ics.transition.messages.common.MetadataKeys;

/** Sends a relayed command in the system's name; the cause and request are carried over from the event. */
final class Relays {

    /** The processing group every relay runs in. */
    static final String PROCESSING_GROUP = "relays";

    private Relays() {}

    static void send(CommandGateway commands, Object command, String relay) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(
                        MetadataKeys.ACTOR, MetadataKeys.SYSTEM_ACTOR,
                        MetadataKeys.ACTOR_NAME, "ics-transition relay (" + relay + ")",
                        MetadataKeys.ACTOR_ROLE, MetadataKeys.SYSTEM_ROLE)));
    }
}
