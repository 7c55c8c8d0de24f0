package uk.nhs.ics.transition.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * A streamed download (an ICS's evidence pack, the audit trail export) runs for as long as a large history takes to
 * write: Tomcat's default of 30 s cut an evidence pack of 93,000 events off mid-stream, leaving the auditor a truncated
 * zip (the benchmark at a million events found it).
 */
class StreamedDownloadsTest {

    @Test
    void a_streamed_download_may_take_minutes_not_tomcats_thirty_seconds() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        Duration timeout = Binder.get(environment)
                .bind("spring.mvc.async.request-timeout", Duration.class)
                .get();

        assertThat(timeout).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
    }
}
