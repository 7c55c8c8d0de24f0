package uk.nhs.ics.transition.app.eventstore;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's embedded event store, but telling pooled streaming processors as soon as new events can be read.
 *
 * <p>A pooled processor that has caught up asks its event stream to call it back when events become available;
 * the embedded store's streams cannot, so the processor polls every 500 ms, and a write waits on average a quarter
 * of a second (and up to half a second) before any read model shows it. Here every stream accepts the callback, and
 * one thread tails the store's shared cache of new events (which the store fills as soon as a local commit
 * happens, or within its fetch delay for another node's): when new events arrive, it calls every processor back.
 *
 * <p>It also reads an aggregate's history through {@link HistoryChecks#contiguous}, so a gap in it fails clearly.
 *
 * <p><b>Works around</b> Axon Framework 4.13.0 (checked on 2026-12-01): {@code EmbeddedEventStore}'s streams answer
 * {@code false} to {@code setOnAvailableCallback}, and the pooled processor's {@code Coordinator} then polls every
 * 500 ms. It pays for itself: the projection lag's median fell from 529 to 53 ms when it came (tuning log, v2).
 * {@code PromptEventStoreTest} fails when Axon's version changes or its store learns to call back.
 */
public class PromptEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(PromptEventStore.class);

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private volatile Thread notifier;

    private final long callbackIntervalMillis;

    public PromptEventStore(EmbeddedEventStore.Builder builder) {
        this(builder, java.time.Duration.ZERO);
    }

    /**
     * @param callbackInterval the least time between two rounds of callbacks: under load, the events of that time
     *     reach each processor as one batch (one transaction, one token update) instead of one batch per commit
     */
    public PromptEventStore(EmbeddedEventStore.Builder builder, java.time.Duration callbackInterval) {
        super(builder);
        this.callbackIntervalMillis = callbackInterval.toMillis();
    }

    /** An aggregate's history, failing clearly at a missing sequence number (see {@link HistoryChecks}). */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return HistoryChecks.contiguous(aggregateIdentifier, super.readEvents(aggregateIdentifier));
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CallingBackStream(super.openStream(trackingToken));
    }

    @Override
    public void shutDown() {
        running = false;
        Thread thread = notifier;
        if (thread != null) {
            thread.interrupt();
        }
        super.shutDown();
    }

    private synchronized void startNotifier() {
        if (notifier != null || !running) {
            return;
        }
        // the head is taken here, before the first callback is accepted, so no event published after it is missed
        TrackingEventStream first = super.openStream(createHeadToken());
        Thread thread = new Thread(() -> tail(first), "event-store-notifier");
        thread.setDaemon(true);
        notifier = thread;
        thread.start();
    }

    /** Follows the head of the store and calls every waiting processor back when events arrive. */
    private void tail(TrackingEventStream first) {
        TrackingEventStream next = first;
        while (running) {
            try (TrackingEventStream head = next != null ? next : super.openStream(createHeadToken())) {
                next = null;
                while (running) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        callbacks.forEach(PromptEventStore::call);
                        if (callbackIntervalMillis > 0) {
                            Thread.sleep(callbackIntervalMillis);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Following the event store failed; trying again in a second", e);
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private static void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("A processor's callback for new events failed", e);
        }
    }

    /** A stream of the embedded store that accepts a callback for when events become available. */
    private final class CallingBackStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        CallingBackStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            startNotifier();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
