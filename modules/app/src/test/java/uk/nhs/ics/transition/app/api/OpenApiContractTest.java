package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * The machine-readable contract at {@code /v3/api-docs}: every operation of the API contract (docs/spec/api.md) is
 * there with its method, every operation documents its problems as RFC 9457 problem details and needs the bearer
 * token, and the browsable UI is served.
 */
class OpenApiContractTest extends EndToEndTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String DEV_TOKENS = "/api/v1/dev/tokens";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private JsonNode docs;

    /** One operation the contract names. */
    record Operation(String method, String path) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** Every row of every table of the contract but Audit and Operations, with its path under /api/v1. */
    static Stream<Operation> contract() {
        return Stream.of(
                        // reference data and programme
                        "GET /regions",
                        "GET /systems",
                        "GET /systems/{icsCode}",
                        "GET /ccgs",
                        "GET /programme",
                        "POST /programme/legislative-milestones",
                        "POST /programme/rebaseline",
                        // milestones
                        "GET /systems/{icsCode}/milestones",
                        "POST /systems/{icsCode}/milestones/{code}/start",
                        "POST /systems/{icsCode}/milestones/{code}/complete",
                        "POST /systems/{icsCode}/milestones/{code}/at-risk",
                        "POST /systems/{icsCode}/milestones/{code}/reopen",
                        // board
                        "GET /systems/{icsCode}/board",
                        "POST /systems/{icsCode}/board/roles/{role}/recruitment",
                        "POST /systems/{icsCode}/board/roles/{role}/candidate",
                        "POST /systems/{icsCode}/board/roles/{role}/confirm-designate",
                        "POST /systems/{icsCode}/board/roles/{role}/withdraw",
                        "POST /systems/{icsCode}/board/roles/{role}/make-substantive",
                        // due diligence
                        "GET /systems/{icsCode}/due-diligence",
                        "POST /systems/{icsCode}/due-diligence/start-planning",
                        "POST /systems/{icsCode}/due-diligence/items",
                        "POST /systems/{icsCode}/due-diligence/items/{itemId}/assess",
                        "POST /systems/{icsCode}/due-diligence/sign-off",
                        // CCG transfer schemes
                        "GET /ccgs/{ccgCode}/transfer",
                        "POST /ccgs/{ccgCode}/transfer/items",
                        "POST /ccgs/{ccgCode}/transfer/items/{itemId}/amend",
                        "POST /ccgs/{ccgCode}/transfer/items/{itemId}/withdraw",
                        "POST /ccgs/{ccgCode}/transfer/agree",
                        "POST /ccgs/{ccgCode}/transfer/variations",
                        "POST /ccgs/{ccgCode}/transfer/effect",
                        "GET /systems/{icsCode}/transfers",
                        // constitution and MoU
                        "GET /systems/{icsCode}/constitution",
                        "POST /systems/{icsCode}/constitution/drafts",
                        "POST /systems/{icsCode}/constitution/engagement/open",
                        "POST /systems/{icsCode}/constitution/engagement/close",
                        "POST /systems/{icsCode}/constitution/submit",
                        "POST /systems/{icsCode}/constitution/approve",
                        "POST /systems/{icsCode}/constitution/return",
                        "POST /systems/{icsCode}/mou/draft",
                        "POST /systems/{icsCode}/mou/agree",
                        // readiness
                        "GET /readiness",
                        "GET /regions/{regionCode}/readiness",
                        "GET /readiness/overdue")
                .map(row -> row.split(" ", 2))
                .map(row -> new Operation(row[0].toLowerCase(), "/api/v1" + row[1]));
    }

    @BeforeEach
    void read_the_description() {
        Api.Response response = api.get("/v3/api-docs").send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        docs = response.json();
    }

    @Test
    void the_description_is_openapi_3_and_served_without_a_token() {
        assertThat(docs.path("openapi").asText()).startsWith("3.");
        assertThat(docs.path("info").path("title").asText()).isNotBlank();
        assertThat(docs.path("info").path("version").asText()).isEqualTo("v1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contract")
    void every_operation_of_the_contract_is_described_with_its_method(Operation operation) {
        JsonNode path = docs.path("paths").path(operation.path());

        assertThat(path.isObject())
                .as("%s is described; paths are %s", operation, pathNames())
                .isTrue();
        assertThat(path.has(operation.method()))
                .as("%s is described with its method; the path has %s", operation, fieldNames(path))
                .isTrue();
    }

    @Test
    void every_api_operation_documents_its_problems_as_problem_details() {
        List<String> faults = new ArrayList<>();
        List<Operation> operations = apiOperations();

        for (Operation operation : operations) {
            JsonNode responses = operationNode(operation).path("responses");
            List<String> statuses = new ArrayList<>(List.of("401", "403", "422"));
            if (takesHeader(operationNode(operation), "If-Match")) {
                statuses.addAll(List.of("409", "412"));
            }
            for (String status : statuses) {
                JsonNode response = responses.path(status);
                if (response.isMissingNode()) {
                    faults.add(operation + " does not document " + status);
                    continue;
                }
                JsonNode content = response.path("content");
                JsonNode problem = content.path("application/problem+json");
                if (problem.isMissingNode()) {
                    faults.add(operation + " documents " + status + " as " + fieldNames(content)
                            + ", not application/problem+json");
                } else if (!PROBLEM_REF.equals(
                        problem.path("schema").path("$ref").asText())) {
                    faults.add(operation + " documents " + status + " with schema " + problem.path("schema")
                            + ", not the Problem schema");
                }
            }
        }

        assertThat(operations).as("operations under /api/v1").hasSizeGreaterThanOrEqualTo((int)
                contract().count());
        assertThat(faults)
                .as("operations whose problems are not documented as problem details")
                .isEmpty();
    }

    @Test
    void the_problem_schema_has_the_fields_of_rfc_9457_a_code_and_the_errors() {
        JsonNode problem = docs.path("components").path("schemas").path("Problem");

        assertThat(problem.path("type").asText()).isEqualTo("object");
        assertThat(fieldNames(problem.path("properties")))
                .contains("type", "title", "status", "detail", "instance", "code", "errors");
        assertThat(problem.path("properties").path("errors").path("type").asText())
                .isEqualTo("array");
        String error = problem.path("properties")
                .path("errors")
                .path("items")
                .path("$ref")
                .asText();
        assertThat(fieldNames(docs.path("components")
                        .path("schemas")
                        .path(error.substring(error.lastIndexOf('/') + 1))
                        .path("properties")))
                .contains("field", "message");
    }

    @Test
    void every_api_operation_needs_the_bearer_token() {
        JsonNode scheme = docs.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualToIgnoringCase("bearer");
        assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");

        List<String> faults = new ArrayList<>();
        for (Operation operation : apiOperations()) {
            JsonNode security = operationNode(operation).has("security")
                    ? operationNode(operation).path("security")
                    : docs.path("security");
            boolean bearer = false;
            for (JsonNode requirement : security) {
                bearer |= requirement.has("bearer");
            }
            if (!bearer) {
                faults.add(operation + " declares security " + security);
            }
        }
        assertThat(faults)
                .as("operations that do not declare the bearer scheme")
                .isEmpty();
    }

    @Test
    void the_swagger_ui_is_served() {
        Api.Response page = api.get("/swagger-ui.html").send();

        assertThat(page.status()).as("%s", page).isIn(200, 301, 302, 303, 307, 308);
        if (page.status() != 200) {
            String location = page.header("Location");
            assertThat(location).as("redirect target").isNotBlank().contains("swagger-ui");
            String target = location.startsWith("http") ? location.replaceFirst("^https?://[^/]+", "") : location;
            page = api.get(target).send();
            assertThat(page.status()).as("%s: %s", target, page).isEqualTo(200);
        }
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).containsIgnoringCase("swagger");
    }

    @Test
    void parameters_are_only_what_a_client_sends_each_once() {
        List<String> faults = new ArrayList<>();
        for (Operation operation : apiOperations()) {
            List<String> seen = new ArrayList<>();
            for (JsonNode parameter : operationNode(operation).path("parameters")) {
                String name = parameter.path("in").asText() + " "
                        + parameter.path("name").asText().toLowerCase();
                if (seen.contains(name)) {
                    faults.add(operation + " declares " + name + " twice");
                }
                seen.add(name);
                if (List.of("caller", "grant", "request", "accept", "authorization")
                        .contains(parameter.path("name").asText().toLowerCase())) {
                    faults.add(operation + " declares " + name + ", which the server resolves or the client sets");
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void every_operation_is_named_described_tagged_and_typed() {
        List<String> faults = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        docs.path("tags").forEach(tag -> {
            tags.add(tag.path("name").asText());
            if (tag.path("description").asText().isBlank()) {
                faults.add("tag " + tag.path("name").asText() + " has no description");
            }
        });
        for (Operation operation : apiOperations()) {
            JsonNode node = operationNode(operation);
            String id = node.path("operationId").asText();
            if (!id.matches("[a-z][A-Za-z]+") || id.matches(".*_[0-9]+")) {
                faults.add(operation + " has operationId '" + id + "'");
            }
            if (ids.contains(id)) {
                faults.add(operation + " repeats operationId " + id);
            }
            ids.add(id);
            if (node.path("summary").asText().isBlank()
                    || node.path("description").asText().isBlank()) {
                faults.add(operation + " lacks a summary or a description");
            }
            node.path("tags").forEach(tag -> {
                if (!tags.contains(tag.asText())) {
                    faults.add(operation + " has the undescribed tag " + tag.asText());
                }
            });
            node.path("responses").fields().forEachRemaining(response -> {
                List<String> media = fieldNames(response.getValue().path("content"));
                if (media.contains("*/*")) {
                    faults.add(operation + " " + response.getKey() + " answers */*");
                }
                if (media.contains("application/json") && !media.get(0).equals("application/json")) {
                    faults.add(operation + " " + response.getKey() + " lists " + media.get(0) + " before JSON");
                }
                JsonNode json = response.getValue()
                        .path("content")
                        .path("application/json")
                        .path("schema");
                if (!json.isMissingNode() && !json.has("$ref") && !json.has("items")) {
                    faults.add(operation + " " + response.getKey() + " answers an untyped " + json);
                }
            });
            JsonNode body = node.path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            if (!body.isMissingNode()) {
                String ref = body.path("$ref").asText();
                JsonNode schema = docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
                if (!schema.has("example")) {
                    faults.add(operation + "'s request body " + ref + " has no example");
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void the_development_token_endpoint_needs_no_token_and_the_audit_payload_is_an_object() {
        JsonNode tokens = docs.path("paths").path(DEV_TOKENS).path("post");

        assertThat(tokens.path("security").isArray()).isTrue();
        assertThat(tokens.path("security")).isEmpty();
        assertThat(docs.path("components")
                        .path("schemas")
                        .path("AuditEvent")
                        .path("properties")
                        .path("payload")
                        .path("type")
                        .asText())
                .isEqualTo("object");
    }

    private static boolean takesHeader(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("header")
                    && parameter.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Every operation under /api/v1 but the development token endpoint. */
    private List<Operation> apiOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/") || path.getKey().equals(DEV_TOKENS)) {
                continue;
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method, path.getKey()));
                }
            }
        }
        return operations;
    }

    private JsonNode operationNode(Operation operation) {
        return docs.path("paths").path(operation.path()).path(operation.method());
    }

    private List<String> pathNames() {
        return fieldNames(docs.path("paths"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
