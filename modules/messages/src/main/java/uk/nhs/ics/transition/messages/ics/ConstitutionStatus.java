package uk.nhs.ics.transition.messages.ics;

/** The lifecycle of an ICS NHS body's constitution. A returned constitution goes back to drafting. */
public enum ConstitutionStatus {
    DRAFTING,
    ENGAGEMENT_OPEN,
    ENGAGEMENT_CLOSED,
    SUBMITTED,
    APPROVED
}
