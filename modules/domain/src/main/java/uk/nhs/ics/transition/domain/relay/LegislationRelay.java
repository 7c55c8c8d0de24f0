package uk.nhs.ics.transition.domain.relay;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.ccg.NoteCcgEstablishmentDate;
import uk.nhs.ics.transition.messages.ccg.NoteCcgLegislativeMilestone;
import uk.nhs.ics.transition.messages.ics.NoteEstablishmentDate;
import uk.nhs.ics.transition.messages.ics.NoteLegislativeMilestone;
import uk.nhs.ics.transition.messages.programme.LegislativeMilestoneRecorded;
import uk.nhs.ics.transition.messages.programme.ProgrammeRebaselined;

/** Tells every ICS and CCG what the national programme records about the Bill and the establishment date. */
@ProcessingGroup(Relays.PROCESSING_GROUP)
public class LegislationRelay {

    private final CommandGateway commands;
    private final ReferenceData reference;

    public LegislationRelay(CommandGateway commands, ReferenceData reference) {
        this.commands = commands;
        this.reference = reference;
    }

    @EventHandler
    @DisallowReplay
    void on(LegislativeMilestoneRecorded event) {
        reference
                .systems()
                .forEach(ics -> Relays.send(
                        commands,
                        new NoteLegislativeMilestone(ics.code(), event.milestone(), event.occurredOn()),
                        name()));
        reference
                .ccgs()
                .forEach(ccg -> Relays.send(
                        commands,
                        new NoteCcgLegislativeMilestone(ccg.code(), event.milestone(), event.occurredOn()),
                        name()));
    }

    @EventHandler
    @DisallowReplay
    void on(ProgrammeRebaselined event) {
        if (event.baseline().establishmentDate().equals(event.previousEstablishmentDate())) {
            return;
        }
        reference
                .systems()
                .forEach(ics -> Relays.send(
                        commands,
                        new NoteEstablishmentDate(ics.code(), event.baseline().establishmentDate()),
                        name()));
        reference
                .ccgs()
                .forEach(ccg -> Relays.send(
                        commands,
                        new NoteCcgEstablishmentDate(
                                ccg.code(), event.baseline().establishmentDate()),
                        name()));
    }

    private static String name() {
        return "legislation";
    }
}
