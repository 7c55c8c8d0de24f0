package uk.nhs.ics.transition.audit.evidence;

import uk.nhs.ics.transition.audit.ledger.StoredEvent;

/**
 * One event of an evidence pack with its ledger entry.
 *
 * @param sequence the entry's place in the ledger (its leaf is {@code sequence - 1} in the ledger's tree)
 * @param hash the entry's hash: SHA-256 over {@code previousHash} and the event's canonical encoding
 * @param previousHash the hash of the entry before it
 * @param event the event exactly as the store holds it
 */
public record PackEntry(long sequence, String hash, String previousHash, StoredEvent event) {}
