package uk.nhs.ics.transition.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What {@link ContractChanges} calls breaking, and what it lets pass. */
class ContractChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOCUMENT = """
            {"paths": {"/api/v1/things/{code}/close": {"post": {
                "operationId": "closeThing",
                "parameters": [{"in": "path", "name": "code", "required": true, "schema": {"type": "string"}},
                               {"in": "header", "name": "If-Match", "schema": {"type": "string"}}],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Close"}}}},
                "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Answer"}}}}}
             }}},
             "components": {"schemas": {
                "Close": {"type": "object", "required": ["reason"], "properties": {
                    "reason": {"type": "string"}, "kind": {"type": "string", "enum": ["SOON", "NOW"]}}},
                "Answer": {"type": "object", "required": ["version"], "properties": {
                    "version": {"type": "integer", "format": "int64"},
                    "items": {"type": "array", "items": {"type": "string"}}}}}}}
            """;

    @Test
    void the_same_document_has_no_breaking_change() {
        assertThat(ContractChanges.breaking(document(), document())).isEmpty();
    }

    @Test
    void additions_a_client_can_ignore_are_not_breaking() {
        JsonNode after = document();
        answer(after).putObject("note").put("type", "string");
        ((ObjectNode) after.path("components").path("schemas").path("Close").path("properties"))
                .putObject("comment")
                .put("type", "string");
        ((ArrayNode) operation(after).path("parameters"))
                .addObject()
                .put("in", "query")
                .put("name", "dryRun")
                .putObject("schema")
                .put("type", "boolean");
        ((ObjectNode) after.path("paths"))
                .putObject("/api/v1/new")
                .putObject("get")
                .put("operationId", "getNew");

        assertThat(ContractChanges.breaking(document(), after)).isEmpty();
    }

    @Test
    void a_removed_operation_is_breaking() {
        JsonNode after = document();
        ((ObjectNode) after.path("paths").path("/api/v1/things/{code}/close")).remove("post");

        assertThat(ContractChanges.breaking(document(), after))
                .containsExactly("POST /api/v1/things/{code}/close: the operation was removed");
    }

    @Test
    void a_renamed_operation_id_is_breaking() {
        JsonNode after = document();
        operation(after).put("operationId", "close");

        assertThat(ContractChanges.breaking(document(), after))
                .singleElement()
                .asString()
                .contains("closeThing");
    }

    @Test
    void a_removed_or_retyped_answer_field_is_breaking() {
        JsonNode removed = document();
        answer(removed).remove("items");
        JsonNode retyped = document();
        answer(retyped).putObject("version").put("type", "string");

        assertThat(ContractChanges.breaking(document(), removed))
                .singleElement()
                .asString()
                .endsWith(".items: the property was removed");
        assertThat(ContractChanges.breaking(document(), retyped))
                .singleElement()
                .asString()
                .endsWith(".version: the type integer became string");
    }

    @Test
    void a_new_required_request_field_a_removed_enum_value_and_a_removed_parameter_are_breaking() {
        JsonNode after = document();
        ObjectNode close = (ObjectNode) after.path("components").path("schemas").path("Close");
        close.withArray("required").add("kind");
        ((ArrayNode) close.path("properties").path("kind").path("enum")).remove(1);
        ((ArrayNode) operation(after).path("parameters")).remove(1);

        assertThat(ContractChanges.breaking(document(), after))
                .hasSize(3)
                .anyMatch(change -> change.endsWith(".kind: the property became required"))
                .anyMatch(change -> change.endsWith("the value NOW is no longer taken"))
                .anyMatch(change -> change.endsWith("the header parameter If-Match was removed"));
    }

    private static ObjectNode operation(JsonNode document) {
        return (ObjectNode)
                document.path("paths").path("/api/v1/things/{code}/close").path("post");
    }

    private static ObjectNode answer(JsonNode document) {
        return (ObjectNode)
                document.path("components").path("schemas").path("Answer").path("properties");
    }

    private static JsonNode document() {
        try {
            return JSON.readTree(DOCUMENT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
