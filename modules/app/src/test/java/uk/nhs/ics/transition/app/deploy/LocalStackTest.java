package uk.nhs.ics.transition.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.JsonSchemas;
import uk.nhs.ics.transition.app.support.Promtool;
import uk.nhs.ics.transition.app.support.Repository;

/**
 * {@code deploy/compose.yaml}, the local stack, checked without a container engine (this project's CI has none): the
 * Compose Specification's JSON schema, the files it mounts and builds from, the order its services start in, the
 * nodes Prometheus scrapes, {@code promtool check config}, and Grafana's provisioning of the dashboards.
 */
class LocalStackTest {

    private static final String COMPOSE = "deploy/compose.yaml";
    private static final Path DEPLOY = Repository.file("deploy");

    private static JsonNode compose() {
        return Repository.yaml(COMPOSE).get(0);
    }

    private static Iterable<Map.Entry<String, JsonNode>> services() {
        return () -> compose().get("services").fields();
    }

    @Test
    void the_compose_file_follows_the_compose_specification() {
        assertThat(JsonSchemas.problems(JsonSchemas.load("compose-spec.json"), compose()))
                .isEmpty();

        var broken = compose().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/services/node-1"))
                .put("restart_policy", "always");
        assertThat(JsonSchemas.problems(JsonSchemas.load("compose-spec.json"), broken))
                .isNotEmpty();
    }

    @Test
    void it_runs_postgresql_two_nodes_prometheus_and_grafana_each_starting_after_what_it_needs() {
        JsonNode services = compose().get("services");

        assertThat(services.fieldNames())
                .toIterable()
                .contains("postgres", "node-1", "node-2", "prometheus", "grafana", "migrate");
        for (Map.Entry<String, JsonNode> service : services()) {
            JsonNode dependsOn = service.getValue().path("depends_on");
            Iterator<String> needs = dependsOn.isArray() ? toNames(dependsOn) : dependsOn.fieldNames();
            needs.forEachRemaining(need -> assertThat(services.has(need))
                    .as(service.getKey() + " depends on " + need)
                    .isTrue());
        }
        for (String node : List.of("node-1", "node-2")) {
            assertThat(services.at("/" + node + "/depends_on/migrate/condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
    }

    private static Iterator<String> toNames(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names.iterator();
    }

    @Test
    void every_file_it_mounts_or_builds_from_is_in_the_repository() {
        int mounts = 0;
        for (Map.Entry<String, JsonNode> service : services()) {
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(DEPLOY.resolve(source).normalize())
                            .as(service.getKey() + " mounts " + source)
                            .exists();
                    mounts++;
                }
            }
            JsonNode build = service.getValue().path("build");
            if (!build.isMissingNode()) {
                Path context = DEPLOY.resolve(build.get("context").asText()).normalize();
                assertThat(context.resolve(build.get("dockerfile").asText())).isRegularFile();
            }
        }
        assertThat(mounts).isGreaterThanOrEqualTo(6);
    }

    @Test
    void the_nodes_hold_only_the_applications_role_and_the_schema_owner_migrates_once() {
        JsonNode services = compose().get("services");

        for (String node : List.of("node-1", "node-2")) {
            JsonNode env = services.at("/" + node + "/environment");
            assertThat(env.path("SPRING_DATASOURCE_USERNAME").asText()).isEqualTo("ics_app");
            assertThat(env.has("SPRING_FLYWAY_USER")).as(node).isFalse();
            // a node checks the schema's version and refuses an older one: Flyway stays on, migrating off
            assertThat(env.has("SPRING_FLYWAY_ENABLED")).as(node).isFalse();
        }
        assertThat(services.at("/migrate/environment/SPRING_FLYWAY_USER").asText())
                .isEqualTo("ics_owner");
        assertThat(services.at("/migrate/command/0").asText()).isEqualTo("migrate");
        // the migration grants the nodes' role its privileges (ServiceRoleGrants); nothing is granted by hand
        assertThat(services.at("/migrate/environment/ICS_DATABASE_APP_ROLE").asText())
                .isEqualTo(services.at("/node-1/environment/SPRING_DATASOURCE_USERNAME")
                        .asText());
    }

    @Test
    void prometheus_scrapes_both_nodes_on_their_management_port_and_its_configuration_passes_promtool() {
        JsonNode prometheus =
                Repository.yaml("deploy/prometheus/prometheus.yml").get(0);
        JsonNode services = compose().get("services");
        Set<String> targets = new TreeSet<>();
        prometheus.at("/scrape_configs/0/static_configs/0/targets").forEach(t -> targets.add(t.asText()));

        Set<String> nodes = new TreeSet<>();
        for (String node : List.of("node-1", "node-2")) {
            nodes.add(node + ":"
                    + services.at("/" + node + "/environment/MANAGEMENT_SERVER_PORT")
                            .asText());
        }
        assertThat(targets).isEqualTo(nodes);
        assertThat(prometheus.at("/scrape_configs/0/job_name").asText()).isEqualTo("ics-transition");
        assertThat(prometheus.at("/scrape_configs/0/metrics_path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(services.at("/prometheus/volumes/0").asText()).isEqualTo("./prometheus:/etc/prometheus:ro");
        Promtool.Result check = Promtool.run(
                null,
                "check",
                "config",
                Repository.file("deploy/prometheus/prometheus.yml").toString());
        assertThat(check.passed()).as(check.toString()).isTrue();
        assertThat(check.output()).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void grafana_provisions_the_prometheus_data_source_and_every_dashboard_of_the_repository() throws Exception {
        JsonNode grafana = compose().at("/services/grafana");
        String dashboardsMount = null;
        for (JsonNode volume : grafana.get("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].equals("./grafana/dashboards")) {
                dashboardsMount = parts[1];
            }
        }
        JsonNode provider = Repository.yaml("deploy/grafana/provisioning/dashboards/ics-transition.yaml")
                .get(0);
        JsonNode datasource = Repository.yaml("deploy/grafana/provisioning/datasources/prometheus.yaml")
                .get(0);

        assertThat(provider.at("/providers/0/options/path").asText()).isEqualTo(dashboardsMount);
        assertThat(datasource.at("/datasources/0/type").asText()).isEqualTo("prometheus");
        assertThat(datasource.at("/datasources/0/url").asText()).isEqualTo("http://prometheus:9090");
        List<String> dashboards = Repository.files("deploy/grafana/dashboards", ".json");
        assertThat(dashboards).hasSize(5);
        Set<String> uids = new TreeSet<>();
        for (String file : dashboards) {
            JsonNode dashboard = Repository.json(file);
            uids.add(dashboard.get("uid").asText());
            assertThat(dashboard.at("/templating/list/0/query").asText())
                    .as(file)
                    .isEqualTo("prometheus");
            assertThat(Files.readString(Repository.file(file))).doesNotContain("\"uid\": \"prometheus\"");
        }
        assertThat(uids).hasSize(dashboards.size());
    }
}
