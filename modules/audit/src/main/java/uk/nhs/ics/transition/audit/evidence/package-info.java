/**
 * Evidence packs, as files outside the service: what their events and proof hold, how the events are read from the
 * ledger, and how each line is written and read back. Plain Java and Jackson where the offline verifier needs it.
 */
package uk.nhs.ics.transition.audit.evidence;
