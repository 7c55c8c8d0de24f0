/** Approvals (four eyes): what waits for a second person, and how each request was decided. */
package uk.nhs.ics.transition.projections.approval;
