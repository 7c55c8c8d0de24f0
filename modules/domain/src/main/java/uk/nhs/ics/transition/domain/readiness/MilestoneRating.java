package uk.nhs.ics.transition.domain.readiness;

/**
 * A milestone's rating at a date, with the rule that gave it, and "complete late" shown rather than hidden.
 *
 * @param rule the rule of the timetable that applied
 */
public record MilestoneRating(RatingRule rule) {

    public MilestoneRating {
        if (rule == null) {
            throw new IllegalArgumentException("a rating needs the rule that gave it");
        }
    }

    /** Green, amber or red. */
    public Rating rating() {
        return rule.rating();
    }

    /** Whether it was completed after its due date (which makes it amber). */
    public boolean completeLate() {
        return rule == RatingRule.COMPLETE_LATE;
    }

    /** Whether it is not complete and past its due date (which makes it red). */
    public boolean overdue() {
        return rule == RatingRule.OVERDUE;
    }
}
