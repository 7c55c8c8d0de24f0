package uk.nhs.ics.transition.messages.common;

/**
 * The periods of the 2021/22 timetable: the four NHS financial-year quarters, and {@link #EST} for the duties due at
 * establishment (go-live) itself.
 */
public enum Quarter {
    Q1("Preparation"),
    Q2("Implementation"),
    Q3("Implementation"),
    Q4("Transition"),
    /** Duties the framework expects by establishment; due on the establishment date, rated from when Q4 starts. */
    EST("Establishment");

    private final String phase;

    Quarter(String phase) {
        this.phase = phase;
    }

    public String phase() {
        return phase;
    }

    /** Whether this is one of the four financial-year quarters (which have a quarter end). */
    public boolean isFinancialQuarter() {
        return this != EST;
    }
}
