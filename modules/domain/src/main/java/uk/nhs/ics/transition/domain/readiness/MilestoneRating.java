package uk.nhs.ics.transition.domain.readiness;

/**
 * A milestone's rating at a date, with "complete late" shown rather than hidden.
 *
 * @param rating green, amber or red
 * @param completeLate whether it was completed after its due date (which makes it amber)
 * @param overdue whether it is not complete and past its due date (which makes it red)
 */
public record MilestoneRating(Rating rating, boolean completeLate, boolean overdue) {}
