package uk.nhs.ics.transition.messages.ics;

/** Where a due diligence item stands. */
public enum AssessmentOutcome {
    OPEN,
    ASSURED,
    /** A finding, with a risk rating and (ideally) a mitigation. */
    ISSUE
}
