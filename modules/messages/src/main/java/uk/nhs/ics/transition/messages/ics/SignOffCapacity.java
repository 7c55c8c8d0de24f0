package uk.nhs.ics.transition.messages.ics;

/** In which capacity someone signs due diligence off. */
public enum SignOffCapacity {
    /** The accountable officer of a predecessor CCG (the sign-off names the CCG). */
    CCG_ACCOUNTABLE_OFFICER,
    /** The designate chief executive of the ICS NHS body. */
    DESIGNATE_CHIEF_EXECUTIVE
}
