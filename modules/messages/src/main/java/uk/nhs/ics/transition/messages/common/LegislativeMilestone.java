package uk.nhs.ics.transition.messages.common;

/** The stages of the Health and Care Bill the programme records, in the order they must happen. */
public enum LegislativeMilestone {
    INTRODUCED,
    SECOND_READING,
    THIRD_READING,
    ROYAL_ASSENT;

    /** The stage that must already be recorded before this one, if any. */
    public LegislativeMilestone predecessor() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
