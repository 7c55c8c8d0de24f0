package uk.nhs.ics.transition.app.skeleton;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/** Health for the orchestrator, metrics for the dashboards. */
class OperationsTest extends EndToEndTest {

    @Test
    void health_is_up_with_liveness_and_readiness_groups() {
        var health = api.get("/actuator/health").send();
        var liveness = api.get("/actuator/health/liveness").send();
        var readiness = api.get("/actuator/health/readiness").send();

        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").fieldNames())
                .toIterable()
                .contains("eventStore", "projections", "db", "readinessState");
    }

    @Test
    void prometheus_shows_axon_command_bus_event_store_and_processor_metrics_by_dimension() {
        String metrics =
                api.get("/actuator/prometheus").token(api.nationalTeam()).send().body();

        assertThat(metrics)
                .contains("axon_command_handling_seconds_bucket{")
                .contains("payload_type=\"OpenIcsTransition\"")
                .contains("axon_event_publication_seconds_count{")
                .contains("axon_event_processing_seconds_count{")
                .contains("processor=\"reference-data\"");
    }

    @Test
    void on_the_api_port_metrics_need_an_operators_token_and_health_does_not() {
        assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(401);
        assertThat(api.get("/actuator/metrics").send().status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus")
                        .token(api.programmeManager("QKS"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/actuator/prometheus").token(api.auditor()).send().status())
                .isEqualTo(200);
        assertThat(api.get("/actuator/health").send().status()).isEqualTo(200);
    }

    @Test
    void the_openapi_description_is_served() {
        var docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/systems")).isTrue();
    }
}
