/**
 * The red/amber/green rules of the timetable: how a milestone is rated at a date under the baseline in force on that
 * date, and how an ICS's ratings per quarter and overall follow from its milestones. Ratings are never stored: they
 * are computed for the date asked, so a re-baseline changes every affected rating at once.
 */
package uk.nhs.ics.transition.domain.readiness;
