package uk.nhs.ics.transition.app.eventstore;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Keeps aggregates in memory for as long as the heap can spare them. Axon's weak-reference cache loses an aggregate at
 * the next young collection once no command holds it, so with a heap sized for production (docs/performance.md)
 * nearly every command read its aggregate's snapshot and events again: the benchmark's write rate fell by 40 %. Soft
 * references are cleared only when the heap runs short, least recently used first, so the cache grows into the memory
 * the service has and gives it back under pressure, never causing an out-of-memory error.
 */
public class SoftReferenceCache implements Cache {

    private final ConcurrentMap<Object, Entry> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Objects.requireNonNull(key, "key");
        forgetCleared();
        Entry entry = entries.get(key);
        Object value = entry == null ? null : entry.get();
        if (value != null) {
            tell(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Objects.requireNonNull(value, "value");
        forgetCleared();
        Entry previous = entries.put(key, new Entry(key, value));
        if (previous != null && previous.get() != null) {
            tell(listener -> listener.onEntryUpdated(key, value));
        } else {
            tell(listener -> listener.onEntryCreated(key, value));
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Objects.requireNonNull(value, "value");
        forgetCleared();
        boolean[] added = {false};
        entries.compute(key, (k, existing) -> {
            if (existing != null && existing.get() != null) {
                return existing;
            }
            added[0] = true;
            return new Entry(k, value);
        });
        if (added[0]) {
            tell(listener -> listener.onEntryCreated(key, value));
        }
        return added[0];
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        Object known = get(key);
        if (known != null) {
            return (T) known;
        }
        T value = valueSupplier.get();
        if (value == null) {
            throw new IllegalStateException("the supplier gave no value for " + key);
        }
        put(key, value);
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        forgetCleared();
        entries.computeIfPresent(key, (k, entry) -> {
            Object current = entry.get();
            if (current == null) {
                return null;
            }
            V updated = update.apply((V) current);
            if (updated == null) {
                tell(listener -> listener.onEntryRemoved(k));
                return null;
            }
            tell(listener -> listener.onEntryUpdated(k, updated));
            return new Entry(k, updated);
        });
    }

    @Override
    public boolean remove(Object key) {
        if (entries.remove(key) != null) {
            tell(listener -> listener.onEntryRemoved(key));
            return true;
        }
        return false;
    }

    @Override
    public void removeAll() {
        for (Object key : List.copyOf(entries.keySet())) {
            remove(key);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        Objects.requireNonNull(key, "key");
        forgetCleared();
        Entry entry = entries.get(key);
        return entry != null && entry.get() != null;
    }

    private void forgetCleared() {
        Object reference;
        while ((reference = cleared.poll()) != null) {
            Entry entry = (Entry) reference;
            if (entries.remove(entry.key, entry)) {
                tell(listener -> listener.onEntryExpired(entry.key));
            }
        }
    }

    private void tell(Consumer<EntryListener> event) {
        listeners.forEach(event);
    }

    private final class Entry extends SoftReference<Object> {
        private final Object key;

        Entry(Object key, Object value) {
            super(value, cleared);
            this.key = key;
        }
    }
}
