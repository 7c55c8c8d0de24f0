/** The registration of the reference data at start-up, by command, so each registration is in the audit trail. */
package uk.nhs.ics.transition.app.reference;
