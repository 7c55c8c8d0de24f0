package uk.nhs.ics.transition.web.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;

/** Which actions need a second person is configuration: ALL by default, NONE, or a list; a mistake is refused. */
class FourEyesPolicyTest {

    private static final int WEEK = 7;

    @Test
    void all_means_every_action_that_assures() {
        FourEyesPolicy policy = FourEyesPolicy.of(List.of("ALL"), WEEK);

        for (FourEyesAction action : FourEyesAction.values()) {
            assertThat(policy.needsSecondPerson(action)).as("%s", action).isTrue();
        }
    }

    @Test
    void none_means_no_action_and_a_list_means_those_actions_only() {
        assertThat(FourEyesPolicy.of(List.of("NONE"), WEEK).actions()).isEmpty();
        FourEyesPolicy some = FourEyesPolicy.of(List.of("due_diligence_sign_off", " REBASELINE "), WEEK);

        assertThat(some.actions())
                .containsExactlyInAnyOrder(FourEyesAction.DUE_DILIGENCE_SIGN_OFF, FourEyesAction.REBASELINE);
        assertThat(some.needsSecondPerson(FourEyesAction.PROJECTION_REPLAY)).isFalse();
    }

    @Test
    void an_unknown_action_or_a_lifetime_that_is_not_positive_is_refused_at_start_up() {
        assertThatThrownBy(() -> FourEyesPolicy.of(List.of("SIGN_OFF"), WEEK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SIGN_OFF")
                .hasMessageContaining("DUE_DILIGENCE_SIGN_OFF");
        assertThatThrownBy(() -> FourEyesPolicy.of(List.of("ALL"), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
