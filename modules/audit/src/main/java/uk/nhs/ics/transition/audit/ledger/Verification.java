package uk.nhs.ics.transition.audit.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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
 * @param problem what does not match, or why the trail is not verified
 * @param forgedCount how many events in the store the service did not seal (written behind its back)
 * @param forged the first of them, by global index and identifier, with what their seal showed
 * @param beforeSealing how many events were stored before the service began sealing them (by an earlier release)
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
        String problem,
        long forgedCount,
        List<Forged> forged,
        long beforeSealing) {

    /**
     * An event the service did not write.
     *
     * @param globalIndex its place in the event store
     * @param eventIdentifier its identifier
     * @param seal what its seal showed: {@code UNSEALED}, {@code UNKNOWN_KEY} or {@code FORGED}
     */
    public record Forged(long globalIndex, String eventIdentifier, String seal) {}
}
