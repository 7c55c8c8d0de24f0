package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A replay's progress comes from each stored segment's current and reset positions, whichever node holds it: the
 * slowest segment says how far it is, and a segment that has reached the position it was reset at has finished,
 * even while Axon still keeps its replay token.
 */
class ReplayProgressTest {

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final List<ProjectionReplays.StoredToken> stored = new ArrayList<>();
    private final ReplayTokens tokens = new ReplayTokens(
            new ProjectionReplays(null) {
                @Override
                public List<ProjectionReplays.StoredToken> tokens(String processor) {
                    return stored;
                }
            },
            serializer);

    @Test
    void the_slowest_segment_says_how_far_the_replay_is() {
        store(replaying(1_000, 750));
        store(replaying(1_000, 250));

        ReplayTokens.Progress progress = tokens.progress("milestones");

        assertThat(progress.replaying()).isTrue();
        assertThat(progress.replayPercent()).isEqualTo(25.0);
        assertThat(progress.lowestPosition()).isEqualTo(250);
        assertThat(tokens.caughtUp("milestones")).isFalse();
    }

    @Test
    void a_segment_at_its_reset_position_has_finished_though_axon_keeps_its_replay_token() {
        TrackingToken done = replaying(1_000, 1_000);
        assertThat(done).isInstanceOf(ReplayToken.class);
        store(done);
        store(replaying(1_000, 500));

        assertThat(ReplayTokens.stillReplaying(done)).isFalse();
        assertThat(tokens.progress("milestones").replayPercent()).isEqualTo(50.0);

        stored.remove(1);
        assertThat(tokens.progress("milestones").replaying()).isFalse();
        assertThat(tokens.progress("milestones").replayPercent()).isEqualTo(100.0);
        assertThat(tokens.caughtUp("milestones")).isTrue();
    }

    @Test
    void a_segment_that_is_not_replaying_has_caught_up_and_no_segment_at_all_has_not() {
        assertThat(tokens.caughtUp("milestones")).isFalse();

        store(new GlobalSequenceTrackingToken(10));

        assertThat(ReplayTokens.stillReplaying(new GlobalSequenceTrackingToken(10)))
                .isFalse();
        assertThat(tokens.caughtUp("milestones")).isTrue();
        assertThat(tokens.progress("milestones").lowestPosition()).isEqualTo(10);
    }

    @Test
    void a_segment_reset_but_not_yet_started_is_at_the_beginning() {
        store(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(1_000)));

        assertThat(tokens.progress("milestones").replayPercent()).isZero();
        assertThat(tokens.caughtUp("milestones")).isFalse();
    }

    private void store(TrackingToken token) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        stored.add(new ProjectionReplays.StoredToken(
                stored.size(), serialized.getType().getName(), serialized.getData()));
    }

    private static TrackingToken replaying(long resetAt, long current) {
        ReplayToken reset = (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(resetAt));
        return reset.advancedTo(new GlobalSequenceTrackingToken(current));
    }
}
