package uk.nhs.ics.transition.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/**
 * A replay's progress comes from each segment's current and reset positions: the slowest segment says how far it is,
 * and a segment that has reached the position it was reset at has finished, even while Axon still flags it.
 */
class ReplayProgressTest {

    @Test
    void the_slowest_segment_says_how_far_the_replay_is() {
        List<EventTrackerStatus> segments = List.of(replaying(1_000, 750), replaying(1_000, 250));

        assertThat(ProjectionAdministration.replayProgress(segments)).isEqualTo(25.0);
        assertThat(segments).allMatch(ProjectionAdministration::stillReplaying);
    }

    @Test
    void a_segment_at_its_reset_position_has_finished_though_axon_still_flags_it_as_replaying() {
        EventTrackerStatus done = replaying(1_000, 1_000);

        assertThat(done.isReplaying()).isTrue();
        assertThat(ProjectionAdministration.stillReplaying(done)).isFalse();
        assertThat(ProjectionAdministration.replayProgress(List.of(done, replaying(1_000, 500))))
                .isEqualTo(50.0);
        assertThat(ProjectionAdministration.replayProgress(List.of(done))).isEqualTo(100.0);
    }

    @Test
    void a_segment_that_is_not_replaying_is_not_counted_and_no_segment_at_all_is_no_progress_yet() {
        assertThat(ProjectionAdministration.stillReplaying(tracking(new GlobalSequenceTrackingToken(10), false)))
                .isFalse();
        assertThat(ProjectionAdministration.replayProgress(List.of())).isZero();
    }

    @Test
    void a_segment_reset_but_not_yet_started_is_at_the_beginning() {
        TrackingToken fresh = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(1_000));

        assertThat(ProjectionAdministration.replayProgress(List.of(tracking(fresh, true))))
                .isZero();
    }

    private static EventTrackerStatus replaying(long resetAt, long current) {
        ReplayToken reset = (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(resetAt));
        TrackingToken token = reset.advancedTo(new GlobalSequenceTrackingToken(current));
        if (token instanceof ReplayToken replay && current >= resetAt) {
            // Axon keeps the replay token until an event newer than the reset arrives
            assertThat(replay.getTokenAtReset().position()).hasValue(resetAt);
        }
        return tracking(token, true);
    }

    private static EventTrackerStatus tracking(TrackingToken token, boolean replaying) {
        return new EventTrackerStatus() {
            @Override
            public Segment getSegment() {
                return Segment.ROOT_SEGMENT;
            }

            @Override
            public boolean isCaughtUp() {
                return true;
            }

            @Override
            public boolean isReplaying() {
                return replaying;
            }

            @Override
            public boolean isMerging() {
                return false;
            }

            @Override
            public OptionalLong mergeCompletedPosition() {
                return OptionalLong.empty();
            }

            @Override
            public TrackingToken getTrackingToken() {
                return token;
            }

            @Override
            public boolean isErrorState() {
                return false;
            }

            @Override
            public Throwable getError() {
                return null;
            }

            @Override
            public OptionalLong getCurrentPosition() {
                return token == null ? OptionalLong.empty() : token.position();
            }

            @Override
            public OptionalLong getResetPosition() {
                return ReplayToken.getTokenAtReset(token);
            }
        };
    }
}
