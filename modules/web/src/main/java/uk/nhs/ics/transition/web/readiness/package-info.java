/** Readiness for oversight: the nation's and each region's counts, and the overdue list. */
package uk.nhs.ics.transition.web.readiness;
