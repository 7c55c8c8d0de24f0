package uk.nhs.ics.transition.messages.operations;

/** The one record of what operators decided about the service itself (skipped dead letters). */
public final class ServiceOperationsId {

    /** Its identifier. */
    public static final String ID = "OPERATIONS";

    private ServiceOperationsId() {}
}
