package uk.nhs.ics.transition.app.ops;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import uk.nhs.ics.transition.messages.common.MetadataKeys;

/**
 * Puts the current trace's id ({@link MetadataKeys#TRACE_ID}) on every command sent while a request is being served;
 * the correlation data provider then copies it onto every event the command causes, and onto the commands a relay
 * sends for those events. A command that already names a trace (a relay's, copied from its event) keeps it; one sent
 * outside any trace (at start-up, by the demo) gets none. One interceptor, so no sender has to remember it.
 */
public class TraceIdOnCommands implements MessageDispatchInterceptor<CommandMessage<?>> {

    /** A W3C trace id: 32 lower-case hex digits, not all zeros. */
    private static final Pattern VALID = Pattern.compile("(?!0{32})[0-9a-f]{32}");

    private final Tracer tracer;

    public TraceIdOnCommands(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(MetadataKeys.TRACE_ID)) {
                return command;
            }
            // sampled or not (most are not, and a span continued from a caller's traceparent may not record): the
            // trace id is there either way, and so are the log lines that name it
            Span span = tracer.currentSpan();
            String traceId = span == null ? null : span.context().traceId();
            if (traceId == null || !VALID.matcher(traceId).matches()) {
                return command;
            }
            return command.andMetaData(Map.of(MetadataKeys.TRACE_ID, traceId));
        };
    }
}
