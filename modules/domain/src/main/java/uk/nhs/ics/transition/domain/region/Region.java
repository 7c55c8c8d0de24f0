package uk.nhs.ics.transition.domain.region;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.messages.region.RegionRegistered;
import uk.nhs.ics.transition.messages.region.RegisterRegion;

/** One of the seven NHS England regions. Its only fact is its registration; oversight is read-side work. */
@Aggregate(cache = "aggregateCache")
class Region {

    @AggregateIdentifier
    private RegionCode regionCode;

    protected Region() {
        // for event sourcing
    }

    @CommandHandler
    Region(RegisterRegion command) {
        apply(new RegionRegistered(command.regionCode(), command.name()));
    }

    @EventSourcingHandler
    void on(RegionRegistered event) {
        regionCode = event.regionCode();
    }
}
