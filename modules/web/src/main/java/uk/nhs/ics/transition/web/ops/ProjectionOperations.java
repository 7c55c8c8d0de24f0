package uk.nhs.ics.transition.web.ops;

import java.util.List;
import java.util.function.Consumer;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * What an operator may do with the read models over HTTP: see how each stands, replay one, and look at, retry or skip
 * the events one could not handle. The application's operations package carries it out ({@code
 * ProjectionAdministration}, which does no HTTP); the web layer only asks.
 */
public interface ProjectionOperations {

    /** Every processor, by name. */
    List<ProjectionStatus> statuses();

    /** One processor; a name that is none answers {@code 404}. */
    ProjectionStatus status(String name);

    /**
     * Asks for a read model to be rebuilt from the start of history, in the background, by this node or another.
     *
     * @throws ReplayInProgress if a replay of it is waiting to begin or still catching up
     */
    ProjectionStatus replay(String name, String requestedBy, String requestId);

    /** Whether a replay of the read model is waiting to begin or catching up (on any node). */
    boolean restarting(String name);

    /** The events the processor set aside, oldest first. */
    List<DeadLetterView> deadLetters(String name);

    /** Sets one set-aside event aside for good, once {@code record} has recorded who did it and why. */
    DeadLetterView skipDeadLetter(String name, String eventIdentifier, Consumer<DeadLetterView> record);

    /** Tries the set-aside events again; answers how many were handled. */
    long retryDeadLetters(String name);

    /** A replay asked for while another of the same read model is waiting or catching up: 409. */
    final class ReplayInProgress extends RuleViolation {
        private static final long serialVersionUID = 1L;

        public ReplayInProgress(String name) {
            super(ErrorCode.REPLAY_IN_PROGRESS, "name", name + " is already being replayed");
        }
    }
}
