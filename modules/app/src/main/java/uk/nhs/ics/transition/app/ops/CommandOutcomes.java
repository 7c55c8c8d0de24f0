package uk.nhs.ics.transition.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.monitoring.MessageMonitor;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * Counts what the command bus refuses, whoever sent the command (a caller through the API, a relay, the demo):
 *
 * <ul>
 *   <li>{@code ics_command_refusals_total{code}}: refusals by a rule of the domain, by their stable error code. Every
 *       code is registered at zero from the start, so a rate or an alert never meets a missing series;
 *   <li>{@code ics_command_conflicts_total{retried_by}}: commands that lost a race with another change of the same
 *       aggregate ({@link ConcurrencyException}: the event's sequence number was taken when it was stored). Nothing was
 *       changed, and the command is tried again: by the event processor, for a relay (which retries until the fact is
 *       delivered), or by the service's write path for a write through the API ({@code Writes}, on the fresh state,
 *       up to {@code ics.web.write-attempts} times; the caller is answered 409 {@code CONCURRENT_MODIFICATION} only
 *       when every attempt lost). Several nodes writing one aggregate show here.
 * </ul>
 */
public class CommandOutcomes implements MessageMonitor<Message<?>> {

    private final Map<ErrorCode, Counter> refusals = new EnumMap<>(ErrorCode.class);
    private final Counter conflictsRetriedByProcessor;
    private final Counter conflictsRetriedByService;

    public CommandOutcomes(MeterRegistry registry) {
        for (ErrorCode code : ErrorCode.values()) {
            refusals.put(
                    code,
                    Counter.builder("ics.command.refusals")
                            .description("Commands refused by a rule of the domain, by the refusal's error code")
                            .tag("code", code.name())
                            .register(registry));
        }
        conflictsRetriedByProcessor = conflicts(registry, "processor");
        conflictsRetriedByService = conflicts(registry, "service");
    }

    private static Counter conflicts(MeterRegistry registry, String retriedBy) {
        return Counter.builder("ics.command.conflicts")
                .description(
                        "Commands that lost a race with a concurrent change of the same aggregate, changed"
                                + " nothing and are retried: by the event processor (relays) or by the service's write path (API writes)")
                .tag("retried_by", retriedBy)
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        boolean relayed = MetadataKeys.SYSTEM_ACTOR.equals(message.getMetaData().get(MetadataKeys.ACTOR));
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {}

            @Override
            public void reportFailure(Throwable cause) {
                for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    if (t instanceof RuleViolation violation) {
                        refusals.get(violation.code()).increment();
                        return;
                    }
                    if (t instanceof ConcurrencyException) {
                        (relayed ? conflictsRetriedByProcessor : conflictsRetriedByService).increment();
                        return;
                    }
                }
            }

            @Override
            public void reportIgnored() {}
        };
    }
}
