package uk.nhs.ics.transition.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** The aggregate cache keeps what it was given until the heap runs short, and tells Axon's listeners what it did. */
class SoftReferenceCacheTest {

    private final SoftReferenceCache cache = new SoftReferenceCache();

    @Test
    void an_aggregate_nothing_else_refers_to_survives_a_garbage_collection() {
        cache.put("QKS", new StringBuilder("Kent and Medway"));

        System.gc();

        assertThat(cache.containsKey("QKS")).isTrue();
        assertThat(cache.<String, StringBuilder>get("QKS")).hasToString("Kent and Medway");
    }

    @Test
    void put_if_absent_keeps_the_first_value() {
        assertThat(cache.putIfAbsent("QKS", "first")).isTrue();
        assertThat(cache.putIfAbsent("QKS", "second")).isFalse();

        assertThat(cache.<String, String>get("QKS")).isEqualTo("first");
    }

    @Test
    void compute_if_absent_asks_the_supplier_only_once() {
        List<String> asked = new ArrayList<>();

        cache.computeIfAbsent("QKS", () -> {
            asked.add("QKS");
            return "loaded";
        });
        Object second = cache.computeIfAbsent("QKS", () -> {
            asked.add("QKS");
            return "loaded again";
        });

        assertThat(second).isEqualTo("loaded");
        assertThat(asked).hasSize(1);
    }

    @Test
    void compute_if_present_updates_a_present_value_and_removes_it_when_the_update_gives_nothing() {
        cache.put("QKS", 1);

        cache.<Integer>computeIfPresent("QKS", value -> value + 1);
        assertThat(cache.<String, Integer>get("QKS")).isEqualTo(2);

        cache.<Integer>computeIfPresent("QKS", value -> null);
        assertThat(cache.containsKey("QKS")).isFalse();

        cache.<Integer>computeIfPresent("QOP", value -> 99);
        assertThat(cache.containsKey("QOP")).isFalse();
    }

    @Test
    void remove_and_remove_all_forget_entries() {
        cache.put("QKS", "a");
        cache.put("QOP", "b");

        assertThat(cache.remove("QKS")).isTrue();
        assertThat(cache.remove("QKS")).isFalse();
        cache.removeAll();

        assertThat(cache.containsKey("QOP")).isFalse();
    }

    @Test
    void listeners_hear_of_creation_updates_reads_and_removal_until_they_unregister() {
        List<String> heard = new ArrayList<>();
        var registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                heard.add("read " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        cache.put("QKS", "a");
        cache.put("QKS", "b");
        cache.get("QKS");
        cache.remove("QKS");
        registration.cancel();
        cache.put("QOP", "c");

        assertThat(heard).containsExactly("created QKS", "updated QKS", "read QKS", "removed QKS");
    }
}
