package uk.nhs.ics.transition.app.database;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the embedded PostgreSQL and starts it again when its postmaster dies (killed, or crashed by a full disk).
 * While it is down the service is not ready (readiness is refused at once; liveness stays up, since the process is
 * fine), and every request that needs the database answers 503. Restarts are tried again and again, with a back-off
 * that doubles up to a ceiling, so that a server that cannot start (its disk is full) is started by itself as soon as
 * it can be, without an operator restarting the service. A full disk is named in plain words in the log and in the
 * database's health.
 *
 * <p>Only the embedded default is supervised: an external database is its operators' to run; the service reports it
 * (health, 503) and retries.
 */
public class EmbeddedPostgresSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);

    /** Below this, the disk holding the database is reported as full (PostgreSQL needs room for its WAL to start). */
    static final long LOW_DISK_BYTES = 64L * 1024 * 1024;

    private final EmbeddedPostgresServer server;
    private final ApplicationEventPublisher events;
    private final Duration interval;
    private final Duration maxBackOff;
    private final Clock clock;
    private final Object lock = new Object();
    private ScheduledExecutorService executor;

    private volatile boolean down;
    private volatile Instant downSince;
    private volatile int attempts;
    private volatile String lastFailure;
    private volatile long nextAttemptAt;
    private volatile int restarts;

    public EmbeddedPostgresSupervisor(
            EmbeddedPostgresServer server,
            ApplicationEventPublisher events,
            Duration interval,
            Duration maxBackOff,
            Clock clock) {
        this.server = server;
        this.events = events;
        this.interval = interval;
        this.maxBackOff = maxBackOff;
        this.clock = clock;
    }

    /** One look at the server: restarts it if it died and the back-off allows. Run every interval. */
    void check() {
        synchronized (lock) {
            if (server.isRunning()) {
                if (down) {
                    recovered();
                }
                return;
            }
            if (!down) {
                down = true;
                downSince = clock.instant();
                attempts = 0;
                nextAttemptAt = System.nanoTime();
                log.error(
                        "The embedded PostgreSQL has stopped (data in {}); the service is not ready until it runs"
                                + " again, and restarts it now",
                        server.dataDirectory());
                AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
            }
            if (System.nanoTime() < nextAttemptAt) {
                return;
            }
            attempts++;
            try {
                server.restart();
                recovered();
            } catch (RuntimeException e) {
                lastFailure = describe(e);
                long backOff = Math.min(maxBackOff.toMillis(), interval.toMillis() << Math.min(attempts, 16));
                nextAttemptAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backOff);
                if (diskFull()) {
                    log.error(
                            "The disk holding the embedded PostgreSQL ({}) is full: {} MB free. PostgreSQL cannot"
                                    + " start without room for its write-ahead log. Free disk space; the service starts it"
                                    + " again by itself (next try in {} s, attempt {}): {}",
                            server.dataDirectory(),
                            freeBytes() / (1024 * 1024),
                            backOff / 1000,
                            attempts,
                            lastFailure);
                } else {
                    log.error(
                            "The embedded PostgreSQL did not start again (attempt {}; next try in {} s): {}",
                            attempts,
                            backOff / 1000,
                            lastFailure);
                }
            }
        }
    }

    private void recovered() {
        log.info(
                "The embedded PostgreSQL is running again after {} (attempt {}); the service is ready",
                Duration.between(downSince, clock.instant()),
                attempts);
        down = false;
        restarts++;
        lastFailure = null;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
    }

    /** What the database's health says about the embedded server. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("embedded", down ? "restarting" : "running");
        details.put("restarts", restarts);
        long free = freeBytes();
        if (free >= 0) {
            details.put("diskFreeMegabytes", free / (1024 * 1024));
        }
        if (down) {
            details.put("downSince", downSince.toString());
            details.put("attempts", attempts);
            if (lastFailure != null) {
                details.put("lastFailure", lastFailure);
            }
        }
        if (diskFull()) {
            details.put(
                    "problem",
                    "the disk holding the embedded database is full: free disk space, and the service starts"
                            + " PostgreSQL again by itself");
        }
        return details;
    }

    public boolean isDown() {
        return down;
    }

    public boolean diskFull() {
        long free = freeBytes();
        return free >= 0 && free < LOW_DISK_BYTES;
    }

    private long freeBytes() {
        try {
            FileStore store = Files.getFileStore(server.dataDirectory());
            return store.getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; ").append(cause);
        }
        return text.length() > 500 ? text.substring(0, 500) : text.toString();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-postgres-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        check();
                    } catch (RuntimeException e) {
                        log.error("Watching the embedded PostgreSQL failed", e);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Stops watching before anything else stops (the server itself stops last, as the context closes). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
