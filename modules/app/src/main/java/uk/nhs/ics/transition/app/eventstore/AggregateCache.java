package uk.nhs.ics.transition.app.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Aggregates in memory, so a command rarely reads its aggregate's snapshot and events again: Caffeine, bounded by
 * count, behind Axon's {@link Cache} interface, with its hits, misses and evictions as metrics
 * ({@code cache_gets_total}, {@code cache_evictions_total}, {@code cache_size} with {@code cache="aggregates"}).
 *
 * <p><b>Memory never runs ahead of the store.</b> Axon changes a cached aggregate in place while a command runs, and
 * evicts it when its unit of work rolls back. A unit of work can commit inside a transaction that is not its own (a
 * write with an {@code Idempotency-Key} records its answer in the same transaction), and that enclosing transaction
 * can still fail at commit (a full disk, a deferred constraint), after the unit of work has finished. So every
 * aggregate read from or written to this cache inside a Spring transaction is evicted again unless that transaction,
 * the outermost one, commits: the next command then loads it from the store as the store has it. Axon 4.13's
 * {@code CachingEventSourcingRepository} only knows its own unit of work; this closes that gap (checked against Axon
 * 4.13.0, see {@code AggregateCacheTest}).
 */
public final class AggregateCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

    /**
     * @param maximumAggregates how many aggregates to keep; the least recently used go first beyond it
     */
    public AggregateCache(long maximumAggregates) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumAggregates)
                .recordStats()
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (key != null && cause.wasEvicted()) {
                        listeners.forEach(listener -> listener.onEntryExpired(key));
                    }
                })
                .build();
    }

    /** Publishes the cache's statistics as {@code cache_*} meters named {@code aggregates}. */
    public AggregateCache bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, entries, "aggregates");
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Objects.requireNonNull(key, "key");
        Object value = entries.getIfPresent(key);
        if (value != null) {
            evictUnlessCommitted(key);
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            remove(key);
            return;
        }
        evictUnlessCommitted(key);
        Object previous = entries.asMap().put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        boolean added = entries.asMap().putIfAbsent(key, value) == null;
        if (added) {
            evictUnlessCommitted(key);
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    public boolean remove(Object key) {
        Objects.requireNonNull(key, "key");
        boolean removed = entries.asMap().remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.asMap().keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many aggregates are held now. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /**
     * Inside a transaction, evicts the aggregate again when the transaction ends in anything but a commit. Spring
     * calls {@code afterCompletion} on the outermost transaction's end, whichever nested scope registered it.
     */
    private void evictUnlessCommitted(Object key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    remove(key);
                }
            }
        });
    }
}
