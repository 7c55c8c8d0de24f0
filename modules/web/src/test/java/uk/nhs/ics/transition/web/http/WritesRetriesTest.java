package uk.nhs.ics.transition.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/** Which failures a write is tried again for, on the state loaded from the store. */
class WritesRetriesTest {

    @Test
    void a_lost_race_on_the_aggregates_sequence_is_retried_but_a_stale_if_match_is_not_by_that_rule() {
        assertThat(Writes.staleCopy(new ConcurrencyException("sequence taken"))).isTrue();
        assertThat(Writes.staleCopy(
                        new CommandExecutionException("failed", new ConcurrencyException("sequence taken"))))
                .isTrue();
        assertThat(Writes.staleCopy(new ConflictingAggregateVersionException("QKS", 3, 4)))
                .isFalse();
    }

    @Test
    void a_refusal_that_depends_on_the_aggregates_state_is_decided_once_more_on_the_stores_state() {
        // another node added the item, or moved the state on, after this node cached its copy
        assertThat(Writes.refusedOnOwnCopy(
                        new RuleViolation(ErrorCode.UNKNOWN_TRANSFER_ITEM, "itemId", "no live item T-7")))
                .isTrue();
        assertThat(Writes.refusedOnOwnCopy(
                        new RuleViolation(ErrorCode.INVALID_CONSTITUTION_TRANSITION, "state", "not now")))
                .isTrue();
        assertThat(Writes.refusedOnOwnCopy(new ConflictingAggregateVersionException("QKS", 3, 4)))
                .isTrue();
    }

    @Test
    void bad_input_and_a_reused_key_are_not_decided_again() {
        assertThat(Writes.refusedOnOwnCopy(RuleViolation.invalid("valuePence", "must be positive")))
                .isFalse();
        assertThat(Writes.refusedOnOwnCopy(new Writes.KeyReused())).isFalse();
        assertThat(Writes.refusedOnOwnCopy(new IllegalStateException("a defect")))
                .isFalse();
    }
}
