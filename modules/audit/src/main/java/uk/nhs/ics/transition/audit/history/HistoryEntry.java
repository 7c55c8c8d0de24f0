package uk.nhs.ics.transition.audit.history;

import java.time.Instant;

/**
 * One change in an ICS's history.
 *
 * @param sequence its place in the audit ledger
 * @param occurredAt when it was recorded
 * @param type the event type
 * @param aggregate the ICS or CCG it changed
 * @param aggregateVersion the version it made
 * @param actor who made it
 * @param actorRole in which role
 * @param reason why, if a reason was given
 * @param correlationId the request it came from
 * @param summary the change in one sentence
 * @param approvedBy who approved it, when it needed a second person ({@code sub})
 */
public record HistoryEntry(
        long sequence,
        Instant occurredAt,
        String type,
        String aggregate,
        long aggregateVersion,
        String actor,
        String actorRole,
        String reason,
        String correlationId,
        String summary,
        String approvedBy) {}
