package uk.nhs.ics.transition.app.skeleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.app.IcsTransitionApplication;
import uk.nhs.ics.transition.app.database.EmbeddedDatabaseInfo;

/** On the embedded default, stopping the service and starting it again finds every event where it was. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void a_restart_keeps_every_event_and_registers_nothing_new() {
        List<String> eventsBefore;
        int port;
        try (ConfigurableApplicationContext service = start()) {
            eventsBefore = eventIds(service);
            port = service.getBean(EmbeddedDatabaseInfo.class).port();
            assertThat(eventsBefore).hasSizeGreaterThanOrEqualTo(160);
            assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
        }

        assertThatThrownBy(() -> new Socket("localhost", port).close())
                .as("the embedded server stops with the service")
                .isInstanceOf(ConnectException.class);

        try (ConfigurableApplicationContext service = start()) {
            assertThat(eventIds(service)).isEqualTo(eventsBefore);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IcsTransitionApplication.class)
                .run(
                        "--ics.data-dir=" + dataDir,
                        "--ics.database.durable=false",
                        "--server.port=0",
                        "--spring.jmx.enabled=false");
    }

    private static List<String> eventIds(ConfigurableApplicationContext service) {
        return service.getBean(JdbcClient.class)
                .sql("SELECT event_identifier FROM domain_event_entry ORDER BY global_index")
                .query(String.class)
                .list();
    }
}
