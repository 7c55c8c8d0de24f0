package uk.nhs.ics.transition.app.eventstore;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Axon 4.13 checks a stale expected version only after the handler ran; with {@link PreconditionsFirst} the stale
 * version is refused first, even where the handler's rule would refuse too.
 */
class PreconditionsFirstTest {

    record Open(@TargetAggregateIdentifier String id) {}

    record Opened(String id) {}

    record Close(
            @TargetAggregateIdentifier String id,
            @TargetAggregateVersion Long expectedVersion) {}

    record Closed(String id) {}

    static final class RuleRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RuleRefused() {
            super("already closed");
        }
    }

    /** A door that can be closed once. */
    static class Door {
        @AggregateIdentifier
        private String id;

        private boolean closed;

        Door() {}

        @CommandHandler
        Door(Open command) {
            apply(new Opened(command.id()));
        }

        @CommandHandler
        void handle(Close command) {
            if (closed) {
                throw new RuleRefused();
            }
            apply(new Closed(id));
        }

        @EventSourcingHandler
        void on(Opened event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Closed event) {
            closed = true;
        }
    }

    private AggregateTestFixture<Door> fixture;

    @BeforeEach
    void door() {
        fixture = new AggregateTestFixture<>(Door.class);
        fixture.registerHandlerEnhancerDefinition(new PreconditionsFirst());
    }

    @Test
    void a_stale_version_is_refused_before_the_rule_that_would_refuse_too() {
        fixture.given(new Opened("d"), new Closed("d"))
                .when(new Close("d", 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void a_stale_version_is_refused_where_the_rule_would_allow() {
        fixture.given(new Opened("d"), new Opened("d"))
                .when(new Close("d", 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void the_current_version_reaches_the_rules() {
        fixture.given(new Opened("d"), new Closed("d")).when(new Close("d", 1L)).expectException(RuleRefused.class);
        fixture.given(new Opened("d")).when(new Close("d", 0L)).expectEvents(new Closed("d"));
    }

    @Test
    void without_an_expected_version_the_rules_decide_alone() {
        fixture.given(new Opened("d"), new Closed("d"))
                .when(new Close("d", null))
                .expectException(RuleRefused.class);
    }

    @Test
    void without_the_check_axon_would_answer_with_the_rule_first() {
        AggregateTestFixture<Door> plain = new AggregateTestFixture<>(Door.class);

        plain.given(new Opened("d"), new Closed("d")).when(new Close("d", 0L)).expectException(RuleRefused.class);
    }
}
