package uk.nhs.ics.transition.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
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
    void a_run_of_some_phases_and_sizes_names_them_and_parses_back_to_the_same_workload() {
        String[] given = {
            "--phases=register,demo", "--demo-until=2021-12-31", "--register-rows=2_000", "--register-imports=3"
        };

        Settings settings = Settings.parse(given);

        assertThat(settings.phases()).containsExactly(Settings.Phase.DEMO, Settings.Phase.REGISTER);
        assertThat(settings.measures(Settings.Phase.PROGRAMME)).isFalse();
        assertThat(settings.demoUntil()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(settings.arguments())
                .isEqualTo("--phases=demo,register --demo-until=2021-12-31 --register-rows=2000 --register-imports=3");
        assertThat(Settings.parse(settings.arguments().split(" "))).isEqualTo(settings);
    }

    @Test
    void the_full_run_measures_every_phase_but_the_soak_with_the_whole_demo_and_registers_of_ten_thousand_rows() {
        Settings full = Settings.parse(new String[0]);

        assertThat(full.phases())
                .containsExactly(Settings.Phase.DEMO, Settings.Phase.REGISTER, Settings.Phase.PROGRAMME);
        assertThat(full.nodes()).isEqualTo(1);
        assertThat(full.demoUntil()).as("the whole demo programme").isNull();
        assertThat(full.registerRows()).isEqualTo(10_000);
    }

    @Test
    void a_smoke_run_asked_for_the_whole_demo_says_so() {
        Settings settings = Settings.parse(new String[] {"--mode=smoke", "--demo-until="});

        assertThat(settings.demoUntil()).isNull();
        assertThat(settings.arguments()).isEqualTo("--mode=smoke --demo-until=");
    }

    @Test
    void a_running_service_is_driven_through_the_programme_phase_only() {
        Settings settings = Settings.parse(new String[] {"--url=http://localhost:8080"});

        assertThat(settings.phases()).containsExactly(Settings.Phase.PROGRAMME);
        assertThatThrownBy(() -> Settings.parse(new String[] {"--url=http://localhost:8080", "--phases=demo"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fresh data folder");
    }

    @Test
    void two_nodes_and_a_soak_are_asked_for_by_name_and_parse_back() {
        Settings settings = Settings.parse(new String[] {"--phases=programme,soak", "--nodes=2", "--soak=10M"});

        assertThat(settings.nodes()).isEqualTo(2);
        assertThat(settings.soak()).hasMinutes(10);
        assertThat(settings.arguments()).isEqualTo("--phases=programme,soak --nodes=2 --soak=10M");
        assertThat(Soak.window(settings.soak())).hasSeconds(60);
        assertThatThrownBy(() -> Settings.parse(new String[] {"--url=http://localhost:8080", "--nodes=2"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--url");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--nodes=0"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_unknown_phase_is_refused() {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--phases=demo,imports"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not imports");
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
