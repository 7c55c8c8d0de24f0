package uk.nhs.ics.transition.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** How the service decides between the embedded default and an external database and identity provider. */
class IcsEnvironmentTest {

    private final IcsEnvironment decider = new IcsEnvironment();

    @Test
    void without_a_database_url_the_service_runs_embedded_with_dev_tokens_on_loopback() {
        MockEnvironment environment = new MockEnvironment();

        decider.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(IcsEnvironment.EMBEDDED_DATABASE)).isEqualTo("true");
        assertThat(environment.getProperty(IcsEnvironment.DEV_TOKENS)).isEqualTo("true");
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void with_a_database_url_and_an_issuer_there_is_no_embedded_server_and_no_dev_tokens() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/ics")
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://idp.example/realm");

        decider.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(IcsEnvironment.EMBEDDED_DATABASE)).isEqualTo("false");
        assertThat(environment.getProperty(IcsEnvironment.DEV_TOKENS)).isEqualTo("false");
        assertThat(environment.getProperty("server.address")).isNull();
    }

    @Test
    void the_demo_never_loads_into_an_external_database_unless_asked_explicitly() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/ics")
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://idp.example/realm")
                .withProperty(IcsEnvironment.DEMO, "2021-22");

        assertThatThrownBy(() -> decider.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ICS_DEMO=2021-22 would load a demo programme into the external database")
                .hasMessageContaining("ICS_DEMO_EXTERNAL_DATABASE=true");

        environment.setProperty(IcsEnvironment.DEMO_EXTERNAL, "true");
        decider.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(IcsEnvironment.EMBEDDED_DATABASE)).isEqualTo("false");
    }

    @Test
    void the_demo_runs_on_the_embedded_default() {
        MockEnvironment environment = new MockEnvironment().withProperty(IcsEnvironment.DEMO, "2021-22");

        decider.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(IcsEnvironment.EMBEDDED_DATABASE)).isEqualTo("true");
    }

    @Test
    void an_external_database_without_any_trusted_issuer_refuses_to_start() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/ics");

        assertThatThrownBy(() -> decider.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No trusted token issuer");
    }

    @Test
    void dev_tokens_cannot_be_combined_with_an_identity_provider() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(IcsEnvironment.DEV_TOKENS, "true")
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://idp.example/jwks");

        assertThatThrownBy(() -> decider.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be combined");
    }

    @Test
    void on_the_embedded_default_the_management_port_listens_on_loopback_too() {
        MockEnvironment environment = new MockEnvironment().withProperty("management.server.port", "9090");

        decider.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void listening_on_all_interfaces_turns_dev_tokens_off_and_without_an_issuer_refuses_to_start() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "0.0.0.0");

        assertThatThrownBy(() -> decider.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development tokens are issued only while the service listens on loopback")
                .hasMessageContaining("server.address=0.0.0.0");
    }

    @Test
    void a_management_port_on_all_interfaces_turns_dev_tokens_off_too() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("management.server.port", "9090")
                .withProperty("management.server.address", "0.0.0.0");

        assertThatThrownBy(() -> decider.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("management.server.address=0.0.0.0");
    }

    @Test
    void listening_on_all_interfaces_with_an_identity_provider_issues_no_dev_tokens() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("server.address", "0.0.0.0")
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://idp.example/realm");

        decider.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(IcsEnvironment.EMBEDDED_DATABASE)).isEqualTo("true");
        assertThat(environment.getProperty(IcsEnvironment.DEV_TOKENS)).isEqualTo("false");
    }

    @Test
    void asking_for_dev_tokens_while_listening_beyond_loopback_is_a_start_up_error() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(IcsEnvironment.DEV_TOKENS, "true")
                .withProperty("server.address", "0.0.0.0");

        assertThatThrownBy(() -> decider.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be combined with listening beyond loopback");
    }

    @Test
    void loopback_by_name_or_address_keeps_dev_tokens() {
        for (String loopback : new String[] {"127.0.0.1", "localhost", "::1"}) {
            MockEnvironment environment = new MockEnvironment().withProperty("server.address", loopback);

            decider.postProcessEnvironment(environment, new SpringApplication());

            assertThat(environment.getProperty(IcsEnvironment.DEV_TOKENS))
                    .as(loopback)
                    .isEqualTo("true");
        }
    }

    @Test
    void log_format_json_turns_on_structured_console_logging() {
        MockEnvironment environment = new MockEnvironment().withProperty("LOG_FORMAT", "json");

        decider.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void plain_logs_stay_plain() {
        MockEnvironment environment = new MockEnvironment();

        decider.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }
}
