package uk.nhs.ics.transition.domain;

/**
 * An aggregate's recorded history cannot be replayed: a sequence number is missing, or an event refers to something
 * the events before it never created. The store is append-only, so this is never the caller's fault and never goes
 * away by retrying; it names the aggregate and the event, so an operator can find it, and it concerns that aggregate
 * alone.
 */
public class BrokenHistory extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String aggregateId;
    private final long sequenceNumber;

    public BrokenHistory(String aggregateId, long sequenceNumber, String problem, Throwable cause) {
        super(
                "the recorded history of " + aggregateId + " cannot be replayed at event " + sequenceNumber + ": "
                        + problem,
                cause);
        this.aggregateId = aggregateId;
        this.sequenceNumber = sequenceNumber;
    }

    /** The broken history behind a failure, if that is what it is (Axon wraps what sourcing handlers throw). */
    public static java.util.Optional<BrokenHistory> behind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BrokenHistory broken) {
                return java.util.Optional.of(broken);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return java.util.Optional.empty();
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long sequenceNumber() {
        return sequenceNumber;
    }
}
