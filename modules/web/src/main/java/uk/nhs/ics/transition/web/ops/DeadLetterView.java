package uk.nhs.ics.transition.web.ops;

import java.time.Instant;

/**
 * An event a projection could not handle, set aside with its cause.
 *
 * @param eventIdentifier the event
 * @param eventType its type
 * @param aggregate the aggregate it belongs to (its sequence waits behind it)
 * @param aggregateVersion its sequence number
 * @param enqueuedAt when it was set aside
 * @param lastTouched when it was last retried
 * @param causeType the kind of failure
 * @param causeMessage what failed
 */
public record DeadLetterView(
        String eventIdentifier,
        String eventType,
        String aggregate,
        Long aggregateVersion,
        Instant enqueuedAt,
        Instant lastTouched,
        String causeType,
        String causeMessage) {}
