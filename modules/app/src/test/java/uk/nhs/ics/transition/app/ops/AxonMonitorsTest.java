package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.util.MavenArtifactVersionResolver;
import org.junit.jupiter.api.Test;

/**
 * A processor's monitors measure what Axon's do, under the same names, but keep its capacity over ten seconds: Axon's
 * ten-minute window holds one entry per message, and a replay of a million events filled a 512 MB heap with them.
 */
class AxonMonitorsTest {

    @Test
    void a_processor_is_timed_counted_and_its_capacity_gauged_under_axons_names() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MessageMonitor<Message<?>> monitor =
                AxonMonitors.eventProcessor(meters, message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, "milestones"));

        monitor.onMessageIngested(GenericEventMessage.asEventMessage("event")).reportSuccess();

        assertThat(meters.getMeters().stream().map(m -> m.getId().getName()).distinct())
                .contains(
                        "eventProcessor.capacity",
                        "eventProcessor.latency",
                        "eventProcessor.ingestedCounter",
                        "eventProcessor.successCounter",
                        "eventProcessor.successTimer");
        assertThat(meters.find("eventProcessor.ingestedCounter")
                        .tag(TagsUtil.PROCESSOR_NAME_TAG, "milestones")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void the_capacity_keeps_only_the_last_ten_seconds_of_messages() throws Exception {
        assertThat(AxonMonitors.CAPACITY_WINDOW).hasSeconds(10);
        CapacityMonitor ours = CapacityMonitor.buildMonitor(
                "p", new SimpleMeterRegistry(), AxonMonitors.CAPACITY_WINDOW.toSeconds(), TimeUnit.SECONDS);

        assertThat(windowInMillis(ours)).isEqualTo(10_000);
    }

    /**
     * Fails when Axon changes: then check whether its capacity monitor still keeps ten minutes of messages by default,
     * and use its own registration again ({@code GlobalMetricRegistry.registerEventProcessor}) if it does not.
     */
    @Test
    void axons_own_capacity_monitor_still_keeps_ten_minutes_of_messages() throws Exception {
        assertThat(new MavenArtifactVersionResolver(
                                "org.axonframework",
                                "axon-micrometer",
                                getClass().getClassLoader())
                        .get())
                .as("the axon-micrometer release AxonMonitors was checked against; check it again and update this")
                .isEqualTo("4.13.0");
        CapacityMonitor axons = CapacityMonitor.buildMonitor("p", new SimpleMeterRegistry());

        assertThat(windowInMillis(axons)).isEqualTo(TimeUnit.MINUTES.toMillis(10));
    }

    private static long windowInMillis(CapacityMonitor monitor) throws ReflectiveOperationException {
        Field window = CapacityMonitor.class.getDeclaredField("window");
        Field unit = CapacityMonitor.class.getDeclaredField("timeUnit");
        window.setAccessible(true);
        unit.setAccessible(true);
        return ((TimeUnit) unit.get(monitor)).toMillis(window.getLong(monitor));
    }
}
