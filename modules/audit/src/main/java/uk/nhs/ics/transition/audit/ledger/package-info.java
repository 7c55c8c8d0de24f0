/**
 * The tamper-evident ledger: every event, in the order the ledger received it (global order), with a SHA-256 over
 * the previous entry's hash and a canonical encoding of the event as stored. Recomputing the chain from the event
 * store finds the first event changed behind the service's back; a published digest (head hash and count) pins
 * everything before it.
 */
package uk.nhs.ics.transition.audit.ledger;
