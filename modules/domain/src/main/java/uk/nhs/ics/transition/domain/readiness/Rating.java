package uk.nhs.ics.transition.domain.readiness;

/** A red/amber/green rating, ordered from best to worst so the worst of several is their maximum. */
public enum Rating {
    GREEN,
    AMBER,
    RED;

    public Rating worst(Rating other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
