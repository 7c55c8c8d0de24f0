package uk.nhs.ics.transition.web.ops;

/**
 * Where one event processor stands.
 *
 * @param name the processor (its processing group)
 * @param kind what it is: a read model (replayable), a relay or the audit ledger
 * @param running whether it is running
 * @param error whether it is in error (it retries by itself)
 * @param position the lowest global index its segments have reached
 * @param head the event store's head
 * @param lag how many events it is behind the head
 * @param replaying whether a replay is running
 * @param progressPercent how far it is: through its replay (from its current and reset positions), or to the head
 * @param readsFromSnapshot whether its reads answer from the copy taken when its replay began
 * @param deadLetters how many events it has set aside
 */
public record ProjectionStatus(
        String name,
        Kind kind,
        boolean running,
        boolean error,
        long position,
        long head,
        long lag,
        boolean replaying,
        double progressPercent,
        boolean readsFromSnapshot,
        long deadLetters) {

    /** What a processor is. Only a projection (a read model) may be replayed. */
    public enum Kind {
        PROJECTION,
        RELAY,
        LEDGER
    }
}
