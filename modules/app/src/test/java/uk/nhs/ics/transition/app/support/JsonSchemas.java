package uk.nhs.ics.transition.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON schemas vendored in {@code src/test/resources/schemas} (see its README), checked offline with networknt's
 * validator. Their {@code $schema} is dropped (it names a meta-schema the validator would fetch; every one of them is
 * draft 7), and so is the compose schema's {@code $id}, a bare file name the validator refuses as an identifier.
 */
public final class JsonSchemas {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private JsonSchemas() {}

    public static Schema load(String name) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream("/schemas/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + name);
            }
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(in);
            tree.remove("$schema");
            tree.remove("$id");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(JSON.writeValueAsString(tree), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema finds wrong with the document, one message per problem (empty when it is valid). */
    public static List<String> problems(Schema schema, JsonNode document) {
        try {
            String json = JSON.writeValueAsString(document);
            return schema.validate(json, InputFormat.JSON).stream()
                    .map(Error::toString)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
