package uk.nhs.ics.transition.web.problem;

/**
 * Whether the database is known to be unavailable right now: its last check failed as an outage (refused, gone, out
 * of space), or the embedded server is being restarted. A slow answer is not an outage (the service may only be
 * busy): requests then wait for a connection as usual.
 */
public interface DatabaseAvailability {

    /** The outage the database is known to be in, or null while it answers. */
    DatabaseOutages.Kind knownOutage();
}
