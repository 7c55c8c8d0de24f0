package uk.nhs.ics.transition.domain.relay;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.ccg.NoteReceivingChiefExecutive;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.CandidateWithdrawn;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;

/**
 * Tells the CCGs whose items an ICS may receive who its designate chief executive is, since that person agrees
 * their transfer schemes on the ICS's behalf, and tells them again when the designate withdraws.
 */
@ProcessingGroup(Relays.PROCESSING_GROUP)
public class BoardRelay {

    private final CommandGateway commands;
    private final ReferenceData reference;

    public BoardRelay(CommandGateway commands, ReferenceData reference) {
        this.commands = commands;
        this.reference = reference;
    }

    @EventHandler
    @DisallowReplay
    void on(DesignateAppointmentConfirmed event) {
        if (event.seat().role() == BoardRole.CHIEF_EXECUTIVE) {
            tell(event.icsCode(), event.holderName());
        }
    }

    @EventHandler
    @DisallowReplay
    void on(CandidateWithdrawn event) {
        if (event.seat().role() == BoardRole.CHIEF_EXECUTIVE
                && event.previousStatus() == AppointmentStatus.DESIGNATE_CONFIRMED) {
            tell(event.icsCode(), null);
        }
    }

    private void tell(IcsCode ics, String holderName) {
        reference
                .predecessorsOf(ics)
                .forEach(ccg -> Relays.send(commands, new NoteReceivingChiefExecutive(ccg, ics, holderName), "board"));
    }
}
