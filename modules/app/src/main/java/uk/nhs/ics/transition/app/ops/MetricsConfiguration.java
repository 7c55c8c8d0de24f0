package uk.nhs.ics.transition.app.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;

/**
 * The metrics made for Prometheus (ADR 0022): Axon's monitors with bounded labels, the conventions every meter is
 * published by, and the programme's own gauges and counters.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** The filters run in their own order, before any meter is registered (so none escapes them). */
    @Bean
    MeterRegistryCustomizer<MeterRegistry> prometheusConventions() {
        List<MeterFilter> filters = PrometheusConventions.filters();
        return registry -> filters.forEach(filter -> registry.config().meterFilter(filter));
    }

    @Bean
    CommandOutcomes commandOutcomes(MeterRegistry registry) {
        return new CommandOutcomes(registry);
    }

    @Bean
    MetricsConfigurerModule axonMonitors(GlobalMetricRegistry registry, CommandOutcomes outcomes) {
        return new AxonMonitors(registry, outcomes);
    }

    @Bean
    ProgrammeMetrics programmeMetrics(
            ReadinessQueries readiness,
            Clock clock,
            ReferenceData referenceData,
            @Value("${ics.metrics.programme-refresh:30s}") Duration refresh) {
        return new ProgrammeMetrics(readiness, clock, referenceData, refresh);
    }

    @Bean
    BaseUnitMeters baseUnitMeters() {
        return new BaseUnitMeters();
    }
}
