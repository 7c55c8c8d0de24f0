package uk.nhs.ics.transition.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class AggregateCacheTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AggregateCache cache = new AggregateCache(3).bindTo(meters);

    @Test
    void it_holds_at_most_its_maximum_least_recently_used_first_out() {
        for (int i = 0; i < 10; i++) {
            cache.put("aggregate-" + i, "state " + i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(meters.get("cache.evictions")
                        .tag("cache", "aggregates")
                        .functionCounter()
                        .count())
                .isGreaterThanOrEqualTo(7);
    }

    @Test
    void hits_and_misses_are_counted() {
        cache.put("QKS", "state");
        cache.get("QKS");
        cache.get("QKS");
        cache.get("QHM");

        assertThat(meters.get("cache.gets")
                        .tags("cache", "aggregates", "result", "hit")
                        .functionCounter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("cache.gets")
                        .tags("cache", "aggregates", "result", "miss")
                        .functionCounter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void an_aggregate_used_in_a_transaction_that_commits_stays() {
        cache.put("QKS", "version 1");

        new TransactionTemplate(new Transactions(false)).executeWithoutResult(tx -> {
            assertThat((String) cache.get("QKS")).isEqualTo("version 1");
            cache.put("QKS", "version 2");
        });

        assertThat((String) cache.get("QKS")).isEqualTo("version 2");
    }

    @Test
    void an_aggregate_used_in_a_transaction_that_fails_to_commit_is_evicted() {
        cache.put("QKS", "version 1");
        cache.put("QHM", "untouched");

        assertThatThrownBy(() -> new TransactionTemplate(new Transactions(true)).executeWithoutResult(tx -> {
                    cache.get("QKS");
                    cache.put("QKS", "version 2, never stored");
                    cache.put("00L", "created, never stored");
                }))
                .isInstanceOf(TransactionSystemException.class);

        assertThat(cache.containsKey("QKS"))
                .as("changed in memory by a transaction that failed")
                .isFalse();
        assertThat(cache.containsKey("00L")).isFalse();
        assertThat((String) cache.get("QHM")).isEqualTo("untouched");
    }

    @Test
    void an_aggregate_used_in_a_transaction_rolled_back_is_evicted() {
        cache.put("QKS", "version 1");

        new TransactionTemplate(new Transactions(false)).executeWithoutResult(tx -> {
            cache.get("QKS");
            tx.setRollbackOnly();
        });

        assertThat(cache.containsKey("QKS")).isFalse();
    }

    @Test
    void entry_listeners_hear_of_creation_update_removal_and_eviction() {
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        cache.put("QKS", 1);
        cache.put("QKS", 2);
        cache.remove("QKS");

        assertThat(heard).containsExactly("created QKS", "updated QKS", "removed QKS");
    }

    /**
     * {@link AggregateCache} closes a gap in Axon 4.13.0's {@code CachingEventSourcingRepository}, which evicts only
     * when its own unit of work rolls back. Re-check that behaviour (and whether this cache is still needed for it)
     * when Axon changes.
     */
    @Test
    void it_was_checked_against_axon_4_13_0() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = CachingEventSourcingRepository.class.getResourceAsStream(
                "/META-INF/maven/org.axonframework/axon-eventsourcing/pom.properties")) {
            assertThat(in).as("Axon's own build information").isNotNull();
            pom.load(in);
        }

        assertThat(pom.getProperty("version")).isEqualTo("4.13.0");
    }

    /** A transaction manager with no resource, whose commits succeed or fail as told. */
    private static final class Transactions extends AbstractPlatformTransactionManager {
        private final boolean commitFails;

        Transactions(boolean commitFails) {
            this.commitFails = commitFails;
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            if (commitFails) {
                throw new TransactionSystemException("the disk is full");
            }
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
