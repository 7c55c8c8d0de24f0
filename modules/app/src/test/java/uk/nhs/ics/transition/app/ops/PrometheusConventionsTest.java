package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conventions on Axon's own monitors, without a service: names, labels, histograms, and a bound on labels. */
class PrometheusConventionsTest {

    private MeterRegistry registry;

    @BeforeEach
    void registryWithTheConventions() {
        registry = new SimpleMeterRegistry();
        PrometheusConventions.filters().forEach(filter -> registry.config().meterFilter(filter));
    }

    @Test
    void axons_three_outcome_timers_become_one_histogram_with_an_outcome_label_and_the_rest_is_dropped() {
        GlobalMetricRegistry axon = new GlobalMetricRegistry(registry);
        MessageMonitor<? super org.axonframework.commandhandling.CommandMessage<?>> bus =
                axon.registerCommandBus("commandBus", TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);

        bus.onMessageIngested(GenericCommandMessage.asCommandMessage("a command"))
                .reportSuccess();
        bus.onMessageIngested(GenericCommandMessage.asCommandMessage("a command"))
                .reportFailure(new IllegalStateException());

        // (a SimpleMeterRegistry shows a timer's buckets as gauges of its own, axon.command.handling.histogram)
        assertThat(registry.getMeters())
                .extracting(meter -> meter.getId().getName())
                .allMatch(name -> name.startsWith("axon.command.handling"));
        Timer success = registry.get("axon.command.handling")
                .tags("payload_type", "String", "outcome", "success")
                .timer();
        assertThat(success.count()).isEqualTo(1);
        assertThat(success.getId().getDescription()).isNotBlank();
        assertThat(registry.get("axon.command.handling")
                        .tags("outcome", "failure")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void latencies_publish_fixed_histogram_buckets_and_no_percentiles() {
        Timer timer = Timer.builder("commandBus.successTimer")
                .publishPercentiles(0.5, 0.99)
                .tags(Tags.of(TagsUtil.PAYLOAD_TYPE_TAG, "OpenIcsTransition"))
                .register(registry);
        timer.record(30, TimeUnit.MILLISECONDS);

        var snapshot = timer.takeSnapshot();
        assertThat(snapshot.percentileValues()).isEmpty();
        assertThat(snapshot.histogramCounts())
                .extracting(bucket -> Duration.ofNanos((long) bucket.bucket()))
                .containsExactlyElementsOf(PrometheusConventions.BUCKETS.get("axon.command.handling"));
    }

    @Test
    void the_command_histogram_takes_no_more_payload_types_than_the_bound() {
        for (int i = 0; i < PrometheusConventions.MAX_COMMAND_TYPES + 50; i++) {
            Timer.builder("commandBus.successTimer")
                    .tags(Tags.of(TagsUtil.PAYLOAD_TYPE_TAG, "Command" + i))
                    .register(registry)
                    .record(1, TimeUnit.MILLISECONDS);
        }

        assertThat(registry.find("axon.command.handling").timers()).hasSize(PrometheusConventions.MAX_COMMAND_TYPES);
    }

    @Test
    void meters_in_nanoseconds_or_milliseconds_are_dropped_for_their_second_based_replacements() {
        registry.more().counter("process.cpu.time", Tags.empty(), 1.0);
        new BaseUnitMeters().bindTo(registry);

        assertThat(registry.find("process.cpu.time").meters()).isEmpty();
        Meter cpu = registry.get("process.cpu").meter();
        assertThat(cpu.getId().getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void a_meter_the_filters_deny_is_decided_once_however_often_it_is_asked_for() {
        java.util.concurrent.atomic.AtomicInteger mappings = new java.util.concurrent.atomic.AtomicInteger();
        MeterRegistry counted = new SimpleMeterRegistry();
        counted.config()
                .meterFilter(new PrometheusConventions.DecidedOnce(java.util.List.of(
                        new io.micrometer.core.instrument.config.MeterFilter() {
                            @Override
                            public io.micrometer.core.instrument.Meter.Id map(
                                    io.micrometer.core.instrument.Meter.Id id) {
                                mappings.incrementAndGet();
                                return id;
                            }
                        },
                        io.micrometer.core.instrument.config.MeterFilter.denyNameStartsWith("dropped"))));

        for (int i = 0; i < 1_000; i++) {
            counted.counter("dropped.counter", "payload_type", "A").increment();
            counted.counter("kept.counter").increment();
        }

        assertThat(mappings).as("each meter mapped once, the denied one too").hasValue(2);
        assertThat(counted.find("dropped.counter").counters()).isEmpty();
        assertThat(counted.get("kept.counter").counter().count()).isEqualTo(1_000);
    }
}
