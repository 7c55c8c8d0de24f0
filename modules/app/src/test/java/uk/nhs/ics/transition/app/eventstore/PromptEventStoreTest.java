package uk.nhs.ics.transition.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.util.MavenArtifactVersionResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PromptEventStore} calls a waiting processor back when events arrive; and the behaviour of Axon it works
 * around is still there in the version it was checked against.
 */
class PromptEventStoreTest {

    /** The Axon Framework release this workaround was last checked against (see {@link PromptEventStore}). */
    static final String CHECKED_AGAINST = "4.13.0";

    private final PromptEventStore store =
            new PromptEventStore(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()));

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void a_waiting_stream_is_called_back_as_soon_as_an_event_is_published() throws Exception {
        CountDownLatch called = new CountDownLatch(1);
        try (TrackingEventStream stream = store.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(called::countDown))
                    .as("the stream accepts a callback, so the processor does not poll")
                    .isTrue();

            store.publish(event(0));

            assertThat(called.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("event 0");
        }
    }

    @Test
    void a_closed_stream_is_not_called_back_any_more() throws Exception {
        AtomicInteger closedCalls = new AtomicInteger();
        CountDownLatch open = new CountDownLatch(1);
        TrackingEventStream closed = store.openStream(null);
        closed.setOnAvailableCallback(closedCalls::incrementAndGet);
        closed.close();
        try (TrackingEventStream stream = store.openStream(null)) {
            stream.setOnAvailableCallback(open::countDown);

            store.publish(event(0));

            assertThat(open.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(closedCalls).hasValue(0);
        }
    }

    @Test
    void with_an_interval_events_arriving_within_it_wait_for_the_next_round_of_callbacks() throws Exception {
        PromptEventStore spaced = new PromptEventStore(
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()), Duration.ofMillis(400));
        List<Long> calls = new CopyOnWriteArrayList<>();
        try (TrackingEventStream stream = spaced.openStream(null)) {
            stream.setOnAvailableCallback(() -> calls.add(System.nanoTime()));
            spaced.publish(event(0));
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 1);

            spaced.publish(event(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 2);

            assertThat(Duration.ofNanos(calls.get(1) - calls.get(0)))
                    .as("the second round waits for the interval to pass")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        } finally {
            spaced.shutDown();
        }
    }

    /**
     * Fails when Axon changes: then check whether its embedded store's streams call processors back themselves (the
     * pooled processor polls every 500 ms when they do not, {@code Coordinator}), and remove {@link PromptEventStore}
     * if they do.
     */
    @Test
    void axons_own_embedded_store_still_cannot_call_a_processor_back() throws Exception {
        assertThat(new MavenArtifactVersionResolver(
                                "org.axonframework",
                                "axon-messaging",
                                getClass().getClassLoader())
                        .get())
                .as("the Axon release PromptEventStore was checked against; check it again and update this")
                .isEqualTo(CHECKED_AGAINST);
        EmbeddedEventStore plain = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        try (TrackingEventStream stream = plain.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(() -> {}))
                    .as("Axon's embedded store now calls processors back: PromptEventStore can go")
                    .isFalse();
        } finally {
            plain.shutDown();
        }
    }

    private static GenericDomainEventMessage<String> event(long sequence) {
        return new GenericDomainEventMessage<>("CcgTransfer", "00L", sequence, "event " + sequence);
    }
}
