/**
 * An ICS's history as people read it: each change in order, in a sentence that says who did what and why.
 *
 * <p>The phrases are typed: each is written against its event's class, and the stored facts are read back as that
 * class, so a phrase cannot name a field the event does not have. {@code HistoryNarratorTest} pins every phrase word
 * for word over samples whose fields all differ.
 */
package uk.nhs.ics.transition.audit.history;
