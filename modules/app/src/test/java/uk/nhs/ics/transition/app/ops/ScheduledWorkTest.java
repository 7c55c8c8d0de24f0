package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.web.http.IdempotencyKeyExpiry;

/**
 * Scheduled work that runs on one node at a time (ShedLock) really runs: called through the beans Spring made, as the
 * scheduler calls it, it does its work and leaves the lock's row behind.
 */
class ScheduledWorkTest extends EndToEndTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdempotencyKeyExpiry expiry;

    @Test
    void the_idempotency_keys_expiry_deletes_expired_keys_under_its_lock() {
        jdbc.sql("""
                        INSERT INTO idempotency_key (caller, key, fingerprint, status, content_type, body, expires_at)
                        VALUES ('scheduled-work-test', 'expired', 'v2:x', 200, 'application/json', '{}', :expired)""")
                .param("expired", Timestamp.from(Instant.now().minusSeconds(60)))
                .update();

        expiry.sweep();

        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE caller = 'scheduled-work-test'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'idempotency-key-expiry'")
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void every_locked_method_of_every_bean_returns_nothing_so_shedlock_can_skip_it() {
        List<String> lockedWithAValue = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !ClassUtils.getUserClass(type).getName().startsWith("uk.nhs.ics.transition")) {
                continue;
            }
            for (Method method : ClassUtils.getUserClass(type).getMethods()) {
                if (method.isAnnotationPresent(SchedulerLock.class) && method.getReturnType() != void.class) {
                    lockedWithAValue.add(name + "." + method.getName());
                }
            }
        }
        assertThat(lockedWithAValue).isEmpty();
    }
}
