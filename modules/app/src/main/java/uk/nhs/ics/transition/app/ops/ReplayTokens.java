package uk.nhs.ics.transition.app.ops;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Where a processor's segments stand, read from the token store's table rather than from this node's own threads:
 * with several nodes, each holds only some segments (or none), and only the stored tokens tell the whole.
 */
public class ReplayTokens {

    /**
     * @param lowestPosition the lowest position any segment has reached
     * @param replaying whether any segment has yet to reach the position it was reset at
     * @param replayPercent how far the slowest replaying segment is towards that position (100 when none replays)
     */
    public record Progress(long lowestPosition, boolean replaying, double replayPercent) {}

    private final ProjectionReplays replays;
    private final Serializer serializer;

    public ReplayTokens(ProjectionReplays replays, Serializer serializer) {
        this.replays = replays;
        this.serializer = serializer;
    }

    public Progress progress(String processor) {
        List<ProjectionReplays.StoredToken> stored = replays.tokens(processor);
        long lowest = Long.MAX_VALUE;
        boolean replaying = false;
        double percent = 100;
        for (ProjectionReplays.StoredToken entry : stored) {
            TrackingToken token = token(entry);
            lowest = Math.min(lowest, position(token));
            if (stillReplaying(token)) {
                replaying = true;
                ReplayToken replay = (ReplayToken) token;
                long reset = position(replay.getTokenAtReset());
                if (reset > 0) {
                    percent = Math.min(percent, 100.0 * position(replay.getCurrentToken()) / reset);
                } else {
                    percent = 0;
                }
            }
        }
        return new Progress(stored.isEmpty() ? 0 : lowest, replaying, replaying ? percent : 100);
    }

    /** Every segment exists and has reached the position it was reset at (if it was). */
    public boolean caughtUp(String processor) {
        List<ProjectionReplays.StoredToken> stored = replays.tokens(processor);
        return !stored.isEmpty() && stored.stream().map(this::token).noneMatch(ReplayTokens::stillReplaying);
    }

    /**
     * Whether a token has yet to reach the position it was reset at. Axon keeps a segment's token a replay token
     * until an event newer than the reset arrives, which on a quiet store can be a long time after the read model is
     * whole again; the positions say when it is.
     */
    static boolean stillReplaying(TrackingToken token) {
        if (!(token instanceof ReplayToken replay)) {
            return false;
        }
        TrackingToken current = replay.getCurrentToken();
        return current == null || position(current) < position(replay.getTokenAtReset());
    }

    private TrackingToken token(ProjectionReplays.StoredToken entry) {
        if (entry.token() == null || entry.type() == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(entry.token(), byte[].class, entry.type(), null));
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        OptionalLong position = token.position();
        return position.orElse(0);
    }
}
