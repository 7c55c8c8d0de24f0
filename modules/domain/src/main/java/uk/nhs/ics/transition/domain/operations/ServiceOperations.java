package uk.nhs.ics.transition.domain.operations;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.operations.DeadLetterSkipped;
import uk.nhs.ics.transition.messages.operations.SkipDeadLetter;

/**
 * What operators decide about the service itself, recorded as events so that the audit trail shows who decided what,
 * and why. A dead letter skipped twice is recorded once.
 */
@Aggregate(cache = "aggregateCache")
class ServiceOperations {

    @AggregateIdentifier
    private String operations;

    private final Set<String> skipped = new HashSet<>();

    protected ServiceOperations() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SkipDeadLetter command) {
        if (skipped.contains(command.processor() + "/" + command.eventIdentifier())) {
            return;
        }
        apply(new DeadLetterSkipped(
                command.operations(),
                command.processor(),
                command.eventIdentifier(),
                command.aggregate(),
                command.aggregateVersion(),
                command.reason()));
    }

    /** Every command is answered with the version, as every write is. */
    @CommandHandlerInterceptor
    Object answerWithVersion(InterceptorChain chain) throws Exception {
        Object answer = chain.proceed();
        return CommandOutcome.of(AggregateLifecycle.getVersion(), answer);
    }

    @EventSourcingHandler
    void on(DeadLetterSkipped event) {
        operations = event.operations();
        skipped.add(event.processor() + "/" + event.eventIdentifier());
    }
}
