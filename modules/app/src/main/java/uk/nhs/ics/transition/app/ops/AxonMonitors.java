package uk.nhs.ics.transition.app.ops;

import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
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
 *   <li>each event processor by its name only;
 *   <li>the event store with no label.
 * </ul>
 *
 * Replacing Axon's {@code MetricsConfigurerModule} bean makes its auto-configuration step aside. The names and
 * histograms follow in {@link PrometheusConventions}.
 */
public class AxonMonitors extends MetricsConfigurerModule {

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

    @SuppressWarnings("unchecked")
    MessageMonitor<Message<?>> monitor(Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            Function<Message<?>, Iterable<io.micrometer.core.instrument.Tag>> processor =
                    message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, componentName);
            return (MessageMonitor<Message<?>>)
                    (MessageMonitor<?>) registry.registerEventProcessor("eventProcessor", processor, processor);
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
