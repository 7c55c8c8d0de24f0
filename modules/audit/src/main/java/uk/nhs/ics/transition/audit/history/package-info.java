/** An ICS's history as people read it: each change in order, in a sentence that says who did what and why. */
package uk.nhs.ics.transition.audit.history;
