package uk.nhs.ics.transition.domain.readiness;

/**
 * The rule of the timetable that gave a milestone its rating at a date: one per clause of the rating rules, so a
 * reader can be told <em>why</em> a milestone is red, amber or green in the words of the rule itself.
 */
public enum RatingRule {
    /** Complete on or before its due date. */
    COMPLETE_ON_TIME(Rating.GREEN, "complete on or before its due date"),
    /** Not complete, not flagged at risk, and due more than {@value RagRules#AMBER_WINDOW_DAYS} days after the date. */
    DUE_LATER(Rating.GREEN, "not complete, due in more than " + RagRules.AMBER_WINDOW_DAYS + " days"),
    /** Not complete and due within {@value RagRules#AMBER_WINDOW_DAYS} days. */
    DUE_SOON(Rating.AMBER, "not complete, due within " + RagRules.AMBER_WINDOW_DAYS + " days"),
    /** Not complete and flagged at risk, however far away its due date. */
    AT_RISK(Rating.AMBER, "not complete and flagged at risk"),
    /** Completed after its due date ("complete late", shown rather than hidden). */
    COMPLETE_LATE(Rating.AMBER, "completed after its due date"),
    /** Not complete and past its due date. */
    OVERDUE(Rating.RED, "not complete and past its due date");

    private final Rating rating;
    private final String explanation;

    RatingRule(Rating rating, String explanation) {
        this.rating = rating;
        this.explanation = explanation;
    }

    /** The rating this rule gives. */
    public Rating rating() {
        return rating;
    }

    /** The rule in words, as the timetable states it: "not complete, due within 28 days". */
    public String explanation() {
        return explanation;
    }
}
