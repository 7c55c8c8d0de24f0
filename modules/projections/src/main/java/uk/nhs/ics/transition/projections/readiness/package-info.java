/**
 * Readiness: milestones with their due dates and ratings, each ICS's ratings per quarter and overall, the region's
 * and the nation's counts, and the overdue list. Nothing here is stored: it is computed from the milestone states
 * known at the knowledge time ({@code asOf}) and the baseline in force on the rating date ({@code at}), by the
 * domain's {@link uk.nhs.ics.transition.domain.readiness.RagRules}.
 */
package uk.nhs.ics.transition.projections.readiness;
