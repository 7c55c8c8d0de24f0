package uk.nhs.ics.transition.messages.ics;

/** The lifecycle of an appointment to one board seat. */
public enum AppointmentStatus {
    VACANT,
    RECRUITING,
    PREFERRED_CANDIDATE,
    DESIGNATE_CONFIRMED,
    SUBSTANTIVE;

    /** Whether the seat has a confirmed holder (designate before establishment, substantive after). */
    public boolean isFilled() {
        return this == DESIGNATE_CONFIRMED || this == SUBSTANTIVE;
    }
}
