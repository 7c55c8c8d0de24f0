package uk.nhs.ics.transition.app.ops;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Up when the event store answers: reading its head position touches the event table. */
@Component("eventStore")
public class EventStoreHealthIndicator implements HealthIndicator {

    private final EventStore eventStore;

    public EventStoreHealthIndicator(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        try {
            TrackingToken head = eventStore.createHeadToken();
            long position = head == null ? 0 : head.position().orElse(0);
            return Health.up().withDetail("headPosition", position).build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
