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
 * @param failedAttempts how many times handling it has failed, the first time included: one that keeps failing on
 *     retry will not succeed by itself, and an operator should repair the cause or skip it
 * @param parkedBehind how many later events of the same aggregate wait behind it, unhandled, until it succeeds or is
 *     skipped
 */
public record DeadLetterView(
        String eventIdentifier,
        String eventType,
        String aggregate,
        Long aggregateVersion,
        Instant enqueuedAt,
        Instant lastTouched,
        String causeType,
        String causeMessage,
        int failedAttempts,
        int parkedBehind) {

    /** The diagnostic a dead letter keeps its failed attempts in. */
    public static final String FAILED_ATTEMPTS = "failedAttempts";
}
