package uk.nhs.ics.transition.messages.operations;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.Checks;

/**
 * An operator sets aside, for good, an event a projection cannot handle (its dead letter), so that the events of the
 * same aggregate parked behind it can be handled; the read model will never show that event.
 *
 * @param operations the service's operations record ({@link ServiceOperationsId#ID})
 * @param processor the projection
 * @param eventIdentifier the event skipped
 * @param aggregate the aggregate it belongs to
 * @param aggregateVersion its sequence number in that aggregate
 * @param reason why, required
 */
public record SkipDeadLetter(
        @TargetAggregateIdentifier String operations,
        String processor,
        String eventIdentifier,
        String aggregate,
        Long aggregateVersion,
        String reason) {

    public SkipDeadLetter {
        Checks.required(operations, "operations");
        processor = Checks.text(processor, "processor", Checks.SHORT_TEXT);
        eventIdentifier = Checks.text(eventIdentifier, "eventIdentifier", Checks.SHORT_TEXT);
        aggregate = Checks.optionalText(aggregate, "aggregate", Checks.SHORT_TEXT);
        reason = Checks.reason(reason);
    }
}
