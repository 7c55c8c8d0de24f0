package uk.nhs.ics.transition.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import uk.nhs.ics.transition.app.support.JsonSchemas;
import uk.nhs.ics.transition.app.support.Repository;

/**
 * Every manifest of {@code deploy/kubernetes}, checked offline: Kubernetes' own kinds are read into fabric8's model of
 * the API with any field it does not know refused (its catch-all for unknown fields switched off), the Prometheus
 * Operator's kinds against their CRDs' JSON schemas. Then what a "restricted" namespace asks of every pod, and what the
 * deployment promises: two nodes that roll one at a time, a disruption budget, a migration Job that alone holds the
 * schema owner's credentials, a NetworkPolicy that lets in only the ingress controller and Prometheus and out only
 * PostgreSQL, the identity provider and DNS, TLS on the Ingress, and an image named by registry and version.
 */
class KubernetesManifestsTest {

    private static final String FOLDER = "deploy/kubernetes";
    private static final String IMAGE = "/app/ics-transition.jar";

    /** The kinds the manifests may hold, and the model each is read into. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Namespace", Namespace.class,
            "ServiceAccount", ServiceAccount.class,
            "ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
            "Deployment", Deployment.class,
            "Service", Service.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "Ingress", Ingress.class,
            "NetworkPolicy", NetworkPolicy.class,
            "Job", Job.class);

    private static final Map<String, String> CUSTOM_KINDS =
            Map.of("ServiceMonitor", "servicemonitor_v1.json", "PrometheusRule", "prometheusrule_v1.json");

    /** Jackson 3 as fabric8 uses it, but refusing what its model has no field for. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    record Document(String file, JsonNode json) {
        String kind() {
            return json.path("kind").asText();
        }

        String name() {
            return json.at("/metadata/name").asText();
        }

        @Override
        public String toString() {
            return file + ": " + kind() + " " + name();
        }
    }

    static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (String file : Repository.files(FOLDER, ".yaml")) {
            Repository.yaml(file).forEach(json -> documents.add(new Document(file, json)));
        }
        return documents;
    }

    static <T extends HasMetadata> T read(Document document, Class<T> type) {
        try {
            return STRICT.readValue(JSON.writeValueAsString(document.json()), type);
        } catch (Exception e) {
            throw new AssertionError(document + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static <T extends HasMetadata> List<T> all(Class<T> type) {
        return documents().stream()
                .filter(d -> KINDS.get(d.kind()) == type)
                .map(d -> read(d, type))
                .toList();
    }

    static <T extends HasMetadata> T one(Class<T> type, String name) {
        return all(type).stream()
                .filter(r -> r.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    @Test
    void every_manifest_is_a_kind_the_api_knows_with_no_field_it_does_not() {
        List<Document> documents = documents();

        assertThat(documents).hasSizeGreaterThanOrEqualTo(KINDS.size() + CUSTOM_KINDS.size());
        for (Document document : documents) {
            Class<? extends HasMetadata> model = KINDS.get(document.kind());
            if (model != null) {
                HasMetadata resource = read(document, model);
                assertThat(document.json().path("apiVersion").asText())
                        .as(document.toString())
                        .isEqualTo(HasMetadata.getApiVersion(model));
                assertThat(resource.getMetadata().getName())
                        .as(document.toString())
                        .isNotBlank();
            } else {
                assertThat(CUSTOM_KINDS).as("a kind with a schema: " + document).containsKey(document.kind());
                assertThat(document.json().path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
                assertThat(JsonSchemas.problems(JsonSchemas.load(CUSTOM_KINDS.get(document.kind())), document.json()))
                        .as(document.toString())
                        .isEmpty();
            }
        }
    }

    @Test
    void the_strict_reading_refuses_a_field_the_api_does_not_have() {
        Document deployment = documents().stream()
                .filter(d -> d.kind().equals("Deployment"))
                .findFirst()
                .orElseThrow();
        var misspelt = deployment.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) misspelt.at("/spec/template/spec"))
                .put("automountServiceAcountToken", false);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> read(new Document(deployment.file(), misspelt), Deployment.class))
                .hasMessageContaining("automountServiceAcountToken");
        var servicemonitor = documents().stream()
                .filter(d -> d.kind().equals("ServiceMonitor"))
                .findFirst()
                .orElseThrow()
                .json()
                .deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) servicemonitor.at("/spec")).put("intervall", "30s");
        assertThat(JsonSchemas.problems(JsonSchemas.load("servicemonitor_v1.json"), servicemonitor))
                .isNotEmpty();
    }

    @Test
    void the_namespace_enforces_the_restricted_pod_security_standard() {
        Namespace namespace = one(Namespace.class, "ics-transition");

        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    /** Every pod the manifests run, by the workload that runs it. */
    static Map<String, PodSpec> pods() {
        Map<String, PodSpec> pods = new LinkedHashMap<>();
        all(Deployment.class)
                .forEach(d -> pods.put(
                        "Deployment " + d.getMetadata().getName(),
                        d.getSpec().getTemplate().getSpec()));
        all(Job.class)
                .forEach(j -> pods.put(
                        "Job " + j.getMetadata().getName(),
                        j.getSpec().getTemplate().getSpec()));
        return pods;
    }

    @Test
    void every_pod_meets_the_restricted_profile_and_mounts_no_service_account_token() {
        Map<String, PodSpec> pods = pods();
        Set<String> allowedVolumes = Set.of(
                "configMap",
                "csi",
                "downwardAPI",
                "emptyDir",
                "ephemeral",
                "persistentVolumeClaim",
                "projected",
                "secret");

        assertThat(pods).hasSize(2);
        pods.forEach((workload, pod) -> {
            var security = pod.getSecurityContext();
            assertThat(security.getRunAsNonRoot()).as(workload).isTrue();
            assertThat(security.getRunAsUser()).as(workload).isNotZero();
            assertThat(security.getSeccompProfile().getType()).as(workload).isEqualTo("RuntimeDefault");
            assertThat(pod.getHostNetwork()).as(workload).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostPID()).as(workload).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostIPC()).as(workload).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getAutomountServiceAccountToken()).as(workload).isFalse();
            ServiceAccount account = one(ServiceAccount.class, pod.getServiceAccountName());
            assertThat(account.getAutomountServiceAccountToken()).as(workload).isFalse();
            for (Container container : containers(pod)) {
                var context = container.getSecurityContext();
                assertThat(context.getAllowPrivilegeEscalation()).as(workload).isFalse();
                assertThat(context.getPrivileged()).as(workload).isNotEqualTo(Boolean.TRUE);
                assertThat(context.getReadOnlyRootFilesystem()).as(workload).isTrue();
                assertThat(context.getCapabilities().getDrop()).as(workload).containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd()).as(workload).isNullOrEmpty();
                assertThat(container.getPorts()).as(workload).allSatisfy(p -> assertThat(p.getHostPort())
                        .isNull());
            }
            pod.getVolumes().forEach(volume -> {
                List<String> sources = new ArrayList<>();
                readTree(STRICT.writeValueAsString(volume)).fieldNames().forEachRemaining(sources::add);
                sources.remove("name");
                assertThat(sources)
                        .as(workload + " volume " + volume.getName())
                        .hasSize(1)
                        .allMatch(allowedVolumes::contains);
            });
        });
    }

    private static List<Container> containers(PodSpec pod) {
        return Stream.concat(
                        pod.getContainers().stream(),
                        pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream())
                .toList();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void two_nodes_roll_one_at_a_time_and_a_disruption_budget_keeps_one() {
        Deployment deployment = one(Deployment.class, "ics-transition");
        PodDisruptionBudget budget = one(PodDisruptionBudget.class, "ics-transition");

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(deployment
                        .getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getValue())
                .isEqualTo(0);
        assertThat(deployment
                        .getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxSurge()
                        .getValue())
                .isEqualTo(1);
        assertThat(budget.getSpec().getMinAvailable().getValue()).isEqualTo(1);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void probes_ask_the_management_port_for_readiness_and_liveness() {
        Container server = one(Deployment.class, "ics-transition")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);

        assertThat(server.getPorts()).anySatisfy(p -> assertThat(p.getName()).isEqualTo("management"));
        assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(server.getReadinessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("management");
        assertThat(server.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(server.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    @Test
    void only_the_migration_job_holds_the_schema_owners_credentials_and_the_service_only_the_applications() {
        Container server = one(Deployment.class, "ics-transition")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        List<Job> jobs = all(Job.class);

        assertThat(names(server.getEnv()))
                .contains("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")
                .doesNotContain("SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD");
        assertThat(secretKey(server.getEnv(), "SPRING_DATASOURCE_PASSWORD")).isEqualTo("password");
        assertThat(jobs).hasSize(1);
        Container migrate =
                jobs.get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(String.join(" ", migrate.getCommand())).matches("java( \\S+)* -jar " + IMAGE + " migrate");
        assertThat(names(migrate.getEnv()))
                .contains("SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD")
                .doesNotContain("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        assertThat(secretKey(migrate.getEnv(), "SPRING_FLYWAY_PASSWORD")).isEqualTo("flyway-password");
        assertThat(jobs.get(0).getSpec().getTemplate().getSpec().getRestartPolicy())
                .isEqualTo("Never");
    }

    private static List<String> names(List<EnvVar> env) {
        return env.stream().map(EnvVar::getName).toList();
    }

    private static String secretKey(List<EnvVar> env, String name) {
        return env.stream()
                .filter(e -> e.getName().equals(name))
                .map(e -> e.getValueFrom().getSecretKeyRef().getKey())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_image_is_named_by_registry_and_the_version_this_build_makes() {
        String version = System.getProperty("project.version");
        Map<String, PodSpec> pods = pods();

        assertThat(version).isNotBlank();
        pods.forEach((workload, pod) -> containers(pod).forEach(container -> {
            String image = container.getImage();
            assertThat(image).as(workload).matches("[a-z0-9.-]+\\.[a-z]+(:[0-9]+)?/[a-z0-9./-]+:[A-Za-z0-9._-]+");
            assertThat(image).as(workload).endsWith(":" + version).doesNotEndWith(":latest");
        }));
        assertThat(pods.values().stream()
                        .flatMap(p -> containers(p).stream())
                        .map(Container::getImage)
                        .distinct())
                .hasSize(1);
    }

    @Test
    void
            the_network_policy_lets_in_only_the_ingress_controller_and_prometheus_and_out_only_the_database_identity_provider_and_dns() {
        NetworkPolicy policy = one(NetworkPolicy.class, "ics-transition");
        Deployment deployment = one(Deployment.class, "ics-transition");

        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress())
                .extracting(rule -> peerNames(rule.getFrom()) + " -> "
                        + rule.getPorts().get(0).getPort().getStrVal())
                .containsExactlyInAnyOrder(
                        "[ingress-nginx/ingress-nginx] -> http", "[monitoring/prometheus] -> management");
        assertThat(policy.getSpec().getEgress())
                .allSatisfy(rule -> assertThat(rule.getTo())
                        .as("an egress rule open to anywhere")
                        .isNotEmpty())
                .extracting(rule -> rule.getPorts().stream()
                        .map(p -> p.getPort().getIntVal() + "/" + p.getProtocol())
                        .toList())
                .containsExactlyInAnyOrder(List.of("5432/TCP"), List.of("443/TCP"), List.of("53/UDP", "53/TCP"));
        NetworkPolicy migration = one(NetworkPolicy.class, "ics-transition-migrate");
        assertThat(migration.getSpec().getIngress()).isEmpty();
        assertThat(migration.getSpec().getEgress())
                .extracting(rule -> rule.getPorts().get(0).getPort().getIntVal())
                .containsExactlyInAnyOrder(5432, 53);
    }

    private static List<String> peerNames(List<NetworkPolicyPeer> peers) {
        return peers.stream()
                .map(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name") + "/"
                        + peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .toList();
    }

    @Test
    void the_ingress_serves_the_api_port_over_tls_only_and_never_the_management_port() {
        Ingress ingress = one(Ingress.class, "ics-transition");
        Service api = one(Service.class, "ics-transition");

        assertThat(ingress.getSpec().getTls()).hasSize(1);
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isNotBlank();
        ingress.getSpec().getRules().forEach(rule -> {
            assertThat(ingress.getSpec().getTls().get(0).getHosts()).contains(rule.getHost());
            rule.getHttp().getPaths().forEach(path -> {
                assertThat(path.getBackend().getService().getName())
                        .isEqualTo(api.getMetadata().getName());
                assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
            });
        });
        assertThat(api.getSpec().getPorts())
                .extracting(p -> p.getTargetPort().getStrVal())
                .containsExactly("http");
    }

    @Test
    void prometheus_scrapes_the_management_service_and_loads_the_same_rules_as_the_local_stack() {
        Document monitor = documents().stream()
                .filter(d -> d.kind().equals("ServiceMonitor"))
                .findFirst()
                .orElseThrow();
        Document rules = documents().stream()
                .filter(d -> d.kind().equals("PrometheusRule"))
                .findFirst()
                .orElseThrow();
        Service management = one(Service.class, "ics-transition-management");

        assertThat(management.getMetadata().getLabels())
                .containsAllEntriesOf(JSON.convertValue(monitor.json().at("/spec/selector/matchLabels"), Map.class));
        JsonNode endpoint = monitor.json().at("/spec/endpoints/0");
        assertThat(management.getSpec().getPorts())
                .extracting(p -> p.getName())
                .contains(endpoint.get("port").asText());
        assertThat(endpoint.get("path").asText()).isEqualTo("/actuator/prometheus");
        // the rules and dashboards select job="ics-transition"
        assertThat(management
                        .getMetadata()
                        .getLabels()
                        .get(monitor.json().at("/spec/jobLabel").asText()))
                .isEqualTo("ics-transition");
        assertThat(rules.json().at("/spec/groups"))
                .isEqualTo(Repository.yaml("deploy/prometheus/rules/ics-transition.rules.yml")
                        .get(0)
                        .get("groups"));
    }
}
