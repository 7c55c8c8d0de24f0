package uk.nhs.ics.transition.messages.ics;

/** The risk of a due diligence issue. An unmitigated {@link #HIGH} issue blocks sign-off. */
public enum RiskRating {
    LOW,
    MEDIUM,
    HIGH
}
