package uk.nhs.ics.transition.app.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

/**
 * Axon's message monitors, registered through axon-micrometer's own {@link GlobalMetricRegistry} but with labels
 * whose number is known in advance (Axon's dimensional default labels every processor's meters by event type as
 * well: 324 series per timer after start-up, growing with every new event type):
 *
 * <ul>
 *   <li>the command bus by command type (a fixed set, a few dozen), plus the refusals and conflicts of
 *       {@link CommandOutcomes};
 *   <li>each event processor by its name only, its capacity over the last ten seconds ({@link #eventProcessor});
 *   <li>the event store with no label.
 * </ul>
 *
 * Replacing Axon's {@code MetricsConfigurerModule} bean makes its auto-configuration step aside. The names and
 * histograms follow in {@link PrometheusConventions}.
 */
public class AxonMonitors extends MetricsConfigurerModule {

    /** How long a processor's capacity (its threads' busy share) is averaged over. */
    static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);

    private static final String PROCESSOR_PREFIX = "eventProcessor";

    private final GlobalMetricRegistry registry;
    private final CommandOutcomes outcomes;

    public AxonMonitors(GlobalMetricRegistry registry, CommandOutcomes outcomes) {
        super(registry, true);
        this.registry = registry;
        this.outcomes = outcomes;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> this::monitor);
    }

    /**
     * What {@code GlobalMetricRegistry.registerEventProcessor} builds, but with the capacity measured over
     * {@link #CAPACITY_WINDOW} instead of Axon's ten minutes: its reservoir keeps one entry per message of the window,
     * so a replay at 20,000 events a second held 12 million (about a gigabyte) and a service with a 512 MB heap spent
     * its time collecting garbage (found by the benchmark at one million events; checked against Axon 4.13.0, see
     * {@code AxonMonitorsTest}).
     */
    @SuppressWarnings("unchecked")
    static MessageMonitor<Message<?>> eventProcessor(
            MeterRegistry meters, Function<Message<?>, Iterable<io.micrometer.core.instrument.Tag>> processor) {
        return (MessageMonitor<Message<?>>) (MessageMonitor<?>) new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(PROCESSOR_PREFIX, meters, processor),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(PROCESSOR_PREFIX)
                        .meterRegistry(meters)
                        .tagsBuilder(processor)
                        .build(),
                CapacityMonitor.buildMonitor(
                        PROCESSOR_PREFIX, meters, CAPACITY_WINDOW.toSeconds(), TimeUnit.SECONDS, processor),
                MessageCountingMonitor.buildMonitor(PROCESSOR_PREFIX, meters, processor)));
    }

    @SuppressWarnings("unchecked")
    MessageMonitor<Message<?>> monitor(Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            Function<Message<?>, Iterable<io.micrometer.core.instrument.Tag>> processor =
                    message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, componentName);
            return eventProcessor(registry.getRegistry(), processor);
        }
        if (CommandBus.class.isAssignableFrom(componentType)) {
            MessageMonitor<Message<?>> bus = (MessageMonitor<Message<?>>) (MessageMonitor<?>)
                    registry.registerCommandBus(componentName, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
            return new MultiMessageMonitor<>(List.of(bus, outcomes));
        }
        if (EventBus.class.isAssignableFrom(componentType)) {
            return (MessageMonitor<Message<?>>)
                    (MessageMonitor<?>) registry.registerEventBus(componentName, message -> Tags.empty());
        }
        return (MessageMonitor<Message<?>>)
                (MessageMonitor<?>) registry.registerComponentWithDefaultTags(componentType, componentName);
    }
}
