package uk.nhs.ics.transition.messages.common;

/** Who moves a milestone: a programme manager with evidence, or the facts recorded elsewhere in the service. */
public enum MilestoneKind {
    /** A programme manager records progress and evidence directly. */
    MANUAL,
    /** Completes itself when the named facts are recorded; nobody can tick it by hand. */
    DERIVED
}
