package uk.nhs.ics.transition.messages.operations;

import org.axonframework.serialization.Revision;

/**
 * An operator set aside, for good, an event a projection could not handle; who did it, and in which role, travel in
 * the metadata, as for every change. The read model never shows that event.
 */
@Revision("1")
public record DeadLetterSkipped(
        String operations,
        String processor,
        String eventIdentifier,
        String aggregate,
        Long aggregateVersion,
        String reason) {}
