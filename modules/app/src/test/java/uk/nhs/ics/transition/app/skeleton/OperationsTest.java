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
        assertThat(health.json().get("components").fieldNames())
                .toIterable()
                .contains("database", "processors", "auditLedger", "readinessState", "livenessState")
                .doesNotContain("db", "eventStore");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
    }

    @Test
    void readiness_needs_only_what_this_node_serves_with_and_projections_have_their_own_group() {
        var readiness = api.get("/actuator/health/readiness").send();
        var projections = api.get("/actuator/health/projections").send();

        assertThat(readiness.json().get("components").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("database", "readinessState");
        assertThat(projections.status()).isEqualTo(200);
        assertThat(projections.json().get("components").fieldNames())
                .toIterable()
                .containsExactly("processors");
    }

    @Test
    void the_database_check_says_where_the_store_stands_and_how_the_embedded_server_is() {
        var health =
                api.get("/actuator/health/readiness").token(api.nationalTeam()).send();

        var database = health.json().get("components").get("database");
        assertThat(database.get("status").asText()).isEqualTo("UP");
        assertThat(database.get("details").get("headPosition").asLong()).isPositive();
        assertThat(database.get("details").get("embedded").asText()).isEqualTo("running");
        assertThat(database.get("details").get("diskFreeMegabytes").asLong()).isPositive();
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
