package uk.nhs.ics.transition.app.ops;

import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import uk.nhs.ics.transition.audit.ledger.AuditLedger;

/**
 * Up when every event processor but the audit ledger (which has its own health) is running and none of its segments
 * is in error. A processor in error retries by itself; until it recovers, the read side is behind. It is not part of
 * readiness: a stalled projection must not take the write path (or the other read models) out of service; it shows
 * here ({@code /actuator/health/projections}) and in the {@code ics_projection_*} metrics.
 */
public class ProjectionsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProjectionAdministration administration;

    public ProjectionsHealthIndicator(
            EventProcessingConfiguration processing, ProjectionAdministration administration) {
        this.processing = processing;
        this.administration = administration;
    }

    @Override
    public Health health() {
        Map<String, EventProcessor> processors = processing.eventProcessors();
        Map<String, String> states = new TreeMap<>();
        boolean up = true;
        for (Map.Entry<String, EventProcessor> entry : processors.entrySet()) {
            if (AuditLedger.NAME.equals(entry.getKey())) {
                continue; // the ledger has a health group of its own (ledger), and does not decide readiness
            }
            EventProcessor processor = entry.getValue();
            String state;
            if (administration.restarting(entry.getKey())) {
                // a replay stops and restarts it; the service keeps answering meanwhile
                state = "restarting for a replay";
            } else if (!processor.isRunning()) {
                state = "stopped";
                up = false;
            } else if (processor.isError()) {
                state = "error";
                up = false;
            } else if (processor instanceof StreamingEventProcessor streaming
                    && streaming.processingStatus().values().stream().anyMatch(s -> s.isErrorState())) {
                state = "segment in error";
                up = false;
            } else {
                state = "running";
            }
            states.put(entry.getKey(), state);
        }
        return (up ? Health.up() : Health.down())
                .withDetails(Map.copyOf(states))
                .build();
    }
}
