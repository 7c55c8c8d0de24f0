package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** A polled check answers at once, from its latest result, and is down when it has not answered in time. */
class PolledHealthTest {

    @Test
    void a_check_that_hangs_is_down_within_its_timeout_and_up_again_as_soon_as_it_answers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> hang = new AtomicReference<>(false);
        PolledHealth health = new PolledHealth(
                "hanging",
                () -> {
                    if (hang.get()) {
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return Health.up().build();
                },
                Duration.ofMillis(50),
                Duration.ofMillis(300));
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            hang.set(true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            Health seen = health.health();
            while (seen.getStatus().equals(Status.UP) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                seen = health.health();
            }
            long asked = System.nanoTime();
            Health answer = health.health();
            long took = System.nanoTime() - asked;

            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(answer.getDetails()).containsEntry("error", "no answer within 300 ms");
            assertThat(Duration.ofNanos(took))
                    .as("a probe never waits for the check")
                    .isLessThan(Duration.ofSeconds(2));

            hang.set(false);
            release.countDown();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!health.health().getStatus().equals(Status.UP) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            health.destroy();
        }
    }

    @Test
    void a_check_that_throws_is_down_with_what_it_threw() throws Exception {
        PolledHealth health = new PolledHealth(
                "failing",
                () -> {
                    throw new IllegalStateException("no database");
                },
                Duration.ofMillis(50),
                Duration.ofMillis(500));
        try {
            Health answer = health.health();

            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(answer.getDetails()).containsEntry("error", "IllegalStateException");
        } finally {
            health.destroy();
        }
    }
}
