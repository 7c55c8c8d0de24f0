package uk.nhs.ics.transition.domain.relay;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreed;
import uk.nhs.ics.transition.messages.ics.NoteTransferSchemeAgreed;

/** Tells each ICS a CCG's scheme may send to that the scheme is agreed (its due diligence milestone waits on it). */
@ProcessingGroup(Relays.PROCESSING_GROUP)
public class TransferRelay {

    private final CommandGateway commands;
    private final ReferenceData reference;

    public TransferRelay(CommandGateway commands, ReferenceData reference) {
        this.commands = commands;
        this.reference = reference;
    }

    @EventHandler
    @DisallowReplay
    void on(TransferSchemeAgreed event) {
        reference
                .possibleReceiversOf(event.ccgCode())
                .forEach(ics -> Relays.send(
                        commands,
                        new NoteTransferSchemeAgreed(ics, event.ccgCode(), event.agreedOn()),
                        "transfer schemes"));
    }
}
