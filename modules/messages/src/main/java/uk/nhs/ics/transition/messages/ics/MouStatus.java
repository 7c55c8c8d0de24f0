package uk.nhs.ics.transition.messages.ics;

/** The lifecycle of the 2022/23 ICS memorandum of understanding with the regional team. */
public enum MouStatus {
    NOT_STARTED,
    DRAFTED,
    AGREED
}
