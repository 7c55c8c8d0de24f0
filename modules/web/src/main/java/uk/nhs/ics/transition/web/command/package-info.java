/** Sending commands on behalf of a caller: the audit metadata every change carries, and the answer it gets. */
package uk.nhs.ics.transition.web.command;
