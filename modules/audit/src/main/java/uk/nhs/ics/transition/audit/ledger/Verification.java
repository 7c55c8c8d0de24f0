package uk.nhs.ics.transition.audit.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of recomputing the chain.
 *
 * @param verified whether every entry's hash matches its event as stored, and the earlier digest if one was given
 * @param events how many ledger entries were checked
 * @param head the hash of the last entry checked
 * @param pending events in the store the ledger has not yet reached (it runs a moment behind)
 * @param firstBrokenSequence the first entry that does not match, if any
 * @param globalIndex that entry's event in the event store
 * @param eventIdentifier that event's identifier
 * @param problem what does not match
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(
        boolean verified,
        long events,
        String head,
        long pending,
        Long firstBrokenSequence,
        Long globalIndex,
        String eventIdentifier,
        String problem) {}
