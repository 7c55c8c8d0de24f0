package uk.nhs.ics.transition.web.http;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes idempotency keys past their lifetime, every so often, on one node of the service at a time. */
public class IdempotencyKeyExpiry {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

    private final JdbcClient jdbc;

    public IdempotencyKeyExpiry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The scheduled sweep, on one node at a time. It returns nothing: ShedLock refuses to lock a method that returns a
     * value it could not give when the lock is held elsewhere (a primitive), and the sweep would never run.
     */
    @Scheduled(fixedDelayString = "${ics.web.idempotency-sweep:PT1H}", initialDelayString = "PT1M")
    @SchedulerLock(name = "idempotency-key-expiry", lockAtMostFor = "PT10M")
    public void sweep() {
        deleteExpired();
    }

    /** Deletes the keys past their lifetime now; how many. */
    public int deleteExpired() {
        int deleted =
                jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < now()").update();
        if (deleted > 0) {
            log.info("Deleted {} expired idempotency keys", deleted);
        }
        return deleted;
    }
}
