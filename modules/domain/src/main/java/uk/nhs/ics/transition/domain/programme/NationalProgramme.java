package uk.nhs.ics.transition.domain.programme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.programme.OpenProgramme;
import uk.nhs.ics.transition.messages.programme.ProgrammeOpened;

/** The national programme: the Bill's progress through Parliament and the baselines of the timetable. */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class NationalProgramme {

    @AggregateIdentifier
    private String programmeId;

    private Baseline baseline;

    protected NationalProgramme() {
        // for event sourcing
    }

    @CommandHandler
    NationalProgramme(OpenProgramme command) {
        apply(new ProgrammeOpened(command.programmeId(), command.baseline()));
    }

    @EventSourcingHandler
    void on(ProgrammeOpened event) {
        programmeId = event.programmeId();
        baseline = event.baseline();
    }
}
