package uk.nhs.ics.transition.app.ops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * A health check that runs on its own thread, every interval, and is answered from its latest result: a probe never
 * waits for the database, and one slow check never delays another (each has its own thread, so they run
 * concurrently). A check that has not answered within its timeout is down, saying so, however long it goes on
 * waiting; a result older than an interval and a timeout is down too. So a probe answers at once, and readiness
 * follows the database within about an interval and a timeout, in both directions.
 */
public final class PolledHealth implements HealthIndicator, DisposableBean {

    private record Result(Health health, long completedAt) {}

    private final String name;
    private final HealthIndicator check;
    private final Duration interval;
    private final Duration timeout;
    private final ScheduledExecutorService executor;
    private final Object firstResult = new Object();
    private volatile Result latest;
    private volatile long checkingSince;

    public PolledHealth(String name, HealthIndicator check, Duration interval, Duration timeout) {
        this.name = name;
        this.check = check;
        this.interval = interval;
        this.timeout = timeout;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "health-" + name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        checkingSince = System.nanoTime();
        Health health;
        try {
            health = check.health();
        } catch (RuntimeException e) {
            health = Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
        latest = new Result(health, System.nanoTime());
        checkingSince = 0;
        synchronized (firstResult) {
            firstResult.notifyAll();
        }
    }

    @Override
    public Health health() {
        Result result = latest;
        if (result == null) {
            result = awaitFirst();
        }
        long now = System.nanoTime();
        long since = checkingSince;
        if (since != 0 && now - since > timeout.toNanos()) {
            return Health.down()
                    .withDetail("error", "no answer within " + timeout.toMillis() + " ms")
                    .withDetail("waitingMillis", (now - since) / 1_000_000)
                    .build();
        }
        if (result == null) {
            return Health.down()
                    .withDetail("error", "not checked yet (" + name + ")")
                    .build();
        }
        if (now - result.completedAt() > interval.plus(timeout).toNanos()) {
            return Health.down()
                    .withDetail("error", "no recent result")
                    .withDetail("ageMillis", (now - result.completedAt()) / 1_000_000)
                    .build();
        }
        return result.health();
    }

    private Result awaitFirst() {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (firstResult) {
            while (latest == null && System.nanoTime() < deadline) {
                try {
                    firstResult.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return latest;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
