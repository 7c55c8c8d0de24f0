package uk.nhs.ics.transition.domain.ics;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Arrays;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.ics.OpenIcsTransition;

/** One ICS's transition to a statutory ICS NHS body. */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class IcsTransition {

    @AggregateIdentifier
    private IcsCode icsCode;

    protected IcsTransition() {
        // for event sourcing
    }

    @CommandHandler
    IcsTransition(OpenIcsTransition command) {
        apply(new IcsTransitionOpened(
                command.icsCode(),
                command.name(),
                command.regionCode(),
                command.onsCode(),
                command.icbName(),
                command.predecessorCcgs(),
                Arrays.asList(MilestoneCode.values()),
                BoardComposition.minimumSeats(),
                command.establishmentDate()));
    }

    @EventSourcingHandler
    void on(IcsTransitionOpened event) {
        icsCode = event.icsCode();
    }
}
