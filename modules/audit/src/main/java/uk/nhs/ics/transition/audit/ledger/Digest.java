package uk.nhs.ics.transition.audit.ledger;

import java.time.Instant;

/**
 * The ledger's head at a moment, to publish or hand to an external auditor. Verifying a later chain against it proves
 * that nothing up to {@code events} has changed since; an evidence pack's proof leads to its {@code root}.
 *
 * @param events how many entries the ledger had (the head's sequence)
 * @param head the head entry's hash
 * @param root the root of the ledger's Merkle tree over those entries (RFC 6962, see {@link MerkleTree})
 * @param headRecordedAt when the ledger recorded its head entry
 * @param at the moment asked for
 * @param statement the digest as one line of text
 */
public record Digest(long events, String head, String root, Instant headRecordedAt, Instant at, String statement) {}
