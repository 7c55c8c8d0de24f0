/** The audit trail as auditors read it: filtered and paged, or exported whole as a stream. */
package uk.nhs.ics.transition.audit.trail;
