package uk.nhs.ics.transition.messages.ccg;

/** The lifecycle of a CCG transfer scheme. */
public enum SchemeStatus {
    /** Items are being recorded; they can be amended or withdrawn. */
    DRAFT,
    /** Agreed by the CCG and every receiving ICS; frozen except by recorded variation. */
    AGREED,
    /** The transfer has taken place at establishment. */
    EFFECTED
}
