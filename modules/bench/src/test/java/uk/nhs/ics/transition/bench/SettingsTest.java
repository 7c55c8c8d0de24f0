package uk.nhs.ics.transition.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A run's summary names the command that reproduces it, so a figure can always be measured again. */
class SettingsTest {

    @Test
    void the_full_run_with_its_defaults_needs_no_arguments() {
        assertThat(Settings.parse(new String[0]).arguments()).isEmpty();
    }

    @Test
    void the_arguments_of_a_run_are_those_that_differ_from_its_mode_and_parse_back_to_the_same_workload() {
        String[] given = {
            "--items-per-ccg=200", "--target-events=0", "--duration=30S", "--service-options=-Xmx1g -XX:+UseZGC"
        };

        Settings settings = Settings.parse(given);

        assertThat(settings.arguments())
                .isEqualTo("--duration=30S --items-per-ccg=200 --target-events=0 "
                        + "'--service-options=-Xmx1g -XX:+UseZGC'");
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.serviceOptions()).containsExactly("-Xmx1g", "-XX:+UseZGC");
    }

    @Test
    void a_run_against_a_running_service_names_it_and_its_database() {
        Settings settings = Settings.parse(
                new String[] {"--url=http://localhost:8080", "--jdbc-url=jdbc:postgresql://localhost:5432/ics"});

        assertThat(settings.arguments())
                .isEqualTo("--url=http://localhost:8080 --jdbc-url=jdbc:postgresql://localhost:5432/ics");
    }

    @Test
    void a_smoke_run_says_so() {
        assertThat(Settings.parse(new String[] {"--mode=smoke"}).arguments()).isEqualTo("--mode=smoke");
    }

    @Test
    void an_unknown_setting_is_refused() {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--clinets=8"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clinets");
    }
}
