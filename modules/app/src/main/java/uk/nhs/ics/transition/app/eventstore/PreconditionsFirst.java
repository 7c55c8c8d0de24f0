package uk.nhs.ics.transition.app.eventstore;

import java.lang.reflect.Executable;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * A command that names the version it expects ({@code If-Match}, carried as its {@code @TargetAggregateVersion}) is
 * refused with {@link ConflictingAggregateVersionException} before any rule of the aggregate is applied, whatever
 * the rules would say (RFC 9110 §13.1: preconditions are evaluated before the method).
 *
 * <p>Axon 4.13's event-sourcing repository only checks an expected version that is behind after the command handler
 * has run (its conflict resolver, at prepare-commit), so a command the rules refuse answered 409 for the rule instead
 * of 412 for the stale version. This wraps every command handler of an existing aggregate: the aggregate is already
 * loaded and locked when it runs, so the version compared is the one the handler would see. Commands that create an
 * aggregate, and commands that name no version, pass untouched. Checked against Axon 4.13.0
 * ({@code PreconditionsFirstTest}).
 */
public final class PreconditionsFirst implements HandlerEnhancerDefinition {

    private final CommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean onAnExistingAggregate = original.canHandleMessageType(CommandMessage.class)
                && original.unwrap(Executable.class)
                        .map(handler -> !(handler instanceof java.lang.reflect.Constructor<?>))
                        .orElse(false);
        if (!onAnExistingAggregate) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (target != null && message instanceof CommandMessage<?> command) {
                    check(command);
                }
                return super.handle(message, target);
            }
        };
    }

    private void check(CommandMessage<?> command) {
        VersionedAggregateIdentifier expected = targets.resolveTarget(command);
        Long expectedVersion = expected.getVersion();
        if (expectedVersion == null) {
            return;
        }
        Long actual = AggregateLifecycle.getVersion();
        if (actual != null && actual.longValue() != expectedVersion.longValue()) {
            throw new ConflictingAggregateVersionException(expected.getIdentifier(), expectedVersion, actual);
        }
    }
}
