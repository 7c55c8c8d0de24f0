package uk.nhs.ics.transition.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two OpenAPI documents of the API, a committed one (what clients were generated from) and a new one, and
 * names every change that breaks a client of {@code /api/v1}:
 *
 * <ul>
 *   <li>an operation removed, or its {@code operationId} changed (a generated client's method);
 *   <li>a parameter removed, made required, added as required, or retyped;
 *   <li>a request body's property removed or retyped, or a property made (or added as) required;
 *   <li>a success answer's media type removed, or a property of its schema removed or retyped;
 *   <li>a value of an enumeration a client sends removed.
 * </ul>
 *
 * Additions that a client can ignore (operations, optional parameters and properties, answers' new properties) are not
 * breaking. Schemas are compared through their {@code $ref}s, so renaming a schema alone is not a change.
 */
public final class ContractChanges {

    private static final String API = "/api/v1/";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode before;
    private final JsonNode after;
    private final List<String> breaking = new ArrayList<>();

    private ContractChanges(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
    }

    /** Every breaking change from {@code before} to {@code after}, each a sentence naming where it is. */
    public static List<String> breaking(JsonNode before, JsonNode after) {
        ContractChanges changes = new ContractChanges(before, after);
        changes.compare();
        return List.copyOf(changes.breaking);
    }

    private void compare() {
        for (Iterator<Map.Entry<String, JsonNode>> paths = before.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith(API)) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode old = path.getValue().path(method);
                if (old.isMissingNode()) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path.getKey();
                JsonNode now = after.path("paths").path(path.getKey()).path(method);
                if (now.isMissingNode()) {
                    breaking.add(where + ": the operation was removed");
                    continue;
                }
                operation(where, old, now);
            }
        }
    }

    private void operation(String where, JsonNode old, JsonNode now) {
        if (!old.path("operationId").asText().equals(now.path("operationId").asText())) {
            breaking.add(where + ": operationId " + old.path("operationId").asText() + " became "
                    + now.path("operationId").asText());
        }
        parameters(where, old.path("parameters"), now.path("parameters"));
        JsonNode oldBody = old.path("requestBody").path("content");
        JsonNode newBody = now.path("requestBody").path("content");
        if (!old.path("requestBody").path("required").asBoolean(false)
                && now.path("requestBody").path("required").asBoolean(false)) {
            breaking.add(where + ": a request body became required");
        }
        for (String media : names(oldBody)) {
            if (newBody.path(media).isMissingNode()) {
                breaking.add(where + ": the request body no longer takes " + media);
            } else {
                schema(
                        where + " request " + media,
                        oldBody.path(media).path("schema"),
                        newBody.path(media).path("schema"),
                        true,
                        new HashSet<>());
            }
        }
        for (String status : names(old.path("responses"))) {
            if (!status.startsWith("2")) {
                continue;
            }
            JsonNode oldContent = old.path("responses").path(status).path("content");
            JsonNode newResponse = now.path("responses").path(status);
            if (newResponse.isMissingNode()) {
                breaking.add(where + ": the " + status + " answer was removed");
                continue;
            }
            for (String media : names(oldContent)) {
                JsonNode newMedia = newResponse.path("content").path(media);
                if (newMedia.isMissingNode()) {
                    breaking.add(where + ": the " + status + " answer is no longer " + media);
                } else {
                    schema(
                            where + " " + status + " " + media,
                            oldContent.path(media).path("schema"),
                            newMedia.path("schema"),
                            false,
                            new HashSet<>());
                }
            }
        }
    }

    private void parameters(String where, JsonNode old, JsonNode now) {
        for (JsonNode parameter : old) {
            JsonNode match = parameter(
                    now, parameter.path("in").asText(), parameter.path("name").asText());
            String name = parameter.path("in").asText() + " parameter "
                    + parameter.path("name").asText();
            if (match == null) {
                breaking.add(where + ": the " + name + " was removed");
                continue;
            }
            if (!parameter.path("required").asBoolean(false)
                    && match.path("required").asBoolean(false)) {
                breaking.add(where + ": the " + name + " became required");
            }
            schema(where + " " + name, parameter.path("schema"), match.path("schema"), true, new HashSet<>());
        }
        for (JsonNode parameter : now) {
            if (parameter.path("required").asBoolean(false)
                    && parameter(
                                    old,
                                    parameter.path("in").asText(),
                                    parameter.path("name").asText())
                            == null) {
                breaking.add(where + ": a required " + parameter.path("in").asText() + " parameter "
                        + parameter.path("name").asText() + " was added");
            }
        }
    }

    private static JsonNode parameter(JsonNode parameters, String in, String name) {
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asText().equals(in)
                    && parameter.path("name").asText().equalsIgnoreCase(name)) {
                return parameter;
            }
        }
        return null;
    }

    /**
     * Compares a schema a client relies on: {@code sent} for what a client sends (a new required property, a removed
     * enumeration value break it), otherwise what it receives (a removed property breaks it).
     */
    private void schema(String where, JsonNode oldSchema, JsonNode newSchema, boolean sent, Set<String> seen) {
        JsonNode old = resolve(before, oldSchema);
        JsonNode now = resolve(after, newSchema);
        String key =
                oldSchema.path("$ref").asText() + "|" + newSchema.path("$ref").asText();
        if (!key.equals("|") && !seen.add(key + sent)) {
            return;
        }
        String oldType = type(old);
        String newType = type(now);
        if (!oldType.equals(newType)) {
            breaking.add(where + ": the type " + oldType + " became " + newType);
            return;
        }
        if (!old.path("format").asText().equals(now.path("format").asText())) {
            breaking.add(where + ": the format " + old.path("format").asText("none") + " became "
                    + now.path("format").asText("none"));
        }
        if (sent && old.has("enum")) {
            Set<String> values = new TreeSet<>();
            now.path("enum").forEach(v -> values.add(v.asText()));
            for (JsonNode value : old.path("enum")) {
                if (!values.contains(value.asText())) {
                    breaking.add(where + ": the value " + value.asText() + " is no longer taken");
                }
            }
        }
        if (oldType.equals("array")) {
            schema(where + "[]", old.path("items"), now.path("items"), sent, seen);
            return;
        }
        Set<String> oldRequired = strings(old.path("required"));
        Set<String> newRequired = strings(now.path("required"));
        for (String property : names(old.path("properties"))) {
            JsonNode newProperty = now.path("properties").path(property);
            if (newProperty.isMissingNode()) {
                breaking.add(where + "." + property + ": the property was removed");
                continue;
            }
            if (sent && !oldRequired.contains(property) && newRequired.contains(property)) {
                breaking.add(where + "." + property + ": the property became required");
            }
            if (!sent && oldRequired.contains(property) && !newRequired.contains(property)) {
                breaking.add(where + "." + property + ": the property is no longer always answered");
            }
            schema(where + "." + property, old.path("properties").path(property), newProperty, sent, seen);
        }
        if (sent) {
            for (String property : newRequired) {
                if (old.path("properties").path(property).isMissingNode()) {
                    breaking.add(where + "." + property + ": a required property was added");
                }
            }
        }
    }

    private static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.path("type").asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "any";
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        for (int hops = 0; resolved.has("$ref") && hops < 16; hops++) {
            String ref = resolved.path("$ref").asText();
            resolved = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return resolved;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
