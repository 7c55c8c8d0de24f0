package uk.nhs.ics.transition.app.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The process's CPU time and the JIT's compilation time in seconds, Prometheus's base unit: Micrometer publishes them
 * in nanoseconds ({@code process_cpu_time_ns_total}) and milliseconds ({@code jvm_compilation_time_ms_total}), which
 * {@link PrometheusConventions} drops.
 */
public class BaseUnitMeters implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot && hotspot.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu", hotspot, bean -> bean.getProcessCpuTime() / 1e9)
                    .description("CPU time used by the service's process")
                    .baseUnit("seconds")
                    .register(registry);
        }
        CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
        if (compilation != null && compilation.isCompilationTimeMonitoringSupported()) {
            FunctionCounter.builder("jvm.compilation", compilation, bean -> bean.getTotalCompilationTime() / 1e3)
                    .description("Time the JIT compiler has spent compiling")
                    .baseUnit("seconds")
                    .tag("compiler", compilation.getName())
                    .register(registry);
        }
    }
}
