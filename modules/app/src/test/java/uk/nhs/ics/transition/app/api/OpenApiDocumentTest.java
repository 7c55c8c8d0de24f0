package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.ContractChanges;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * The contract is versioned in the repository: {@code docs/api/openapi.yaml} is the description the service serves
 * (on the embedded default), so every change to the contract is reviewed in its diff, and a change that would break a
 * client of {@code /api/v1} (an operation or a field removed or retyped) fails the build.
 *
 * <p>To write the served description into the file after a deliberate change:
 *
 * <pre>
 * mvn -B -pl modules/app -am test -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dopenapi.write=true
 * </pre>
 *
 * A breaking change is not written unless {@code -Dopenapi.allow-breaking=true} is given too: clients generated from
 * the committed description would fail against it, so it belongs in a new version of the API, not in {@code /api/v1}.
 */
class OpenApiDocumentTest extends EndToEndTest {

    /** The committed description, from the module's folder (where the build runs its tests). */
    static final Path COMMITTED = Path.of("../../docs/api/openapi.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String REGENERATE = "mvn -B -pl modules/app -am test -Dtest=OpenApiDocumentTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";

    private String served;

    @BeforeEach
    void read_the_served_description() throws IOException {
        Api.Response response = api.get("/v3/api-docs.yaml").send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        served = response.body();
        if (Boolean.getBoolean("openapi.write")) {
            List<String> breaking = breakingChanges();
            if (!breaking.isEmpty() && !Boolean.getBoolean("openapi.allow-breaking")) {
                throw new AssertionError("not written: the served description breaks clients of /api/v1:\n  "
                        + String.join("\n  ", breaking) + "\n(-Dopenapi.allow-breaking=true writes it all the same)");
            }
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_served_description_is_the_committed_one() throws IOException {
        assertThat(Files.exists(COMMITTED))
                .as(COMMITTED.toAbsolutePath() + " exists")
                .isTrue();
        JsonNode committed = YAML.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        JsonNode live = YAML.readTree(served);

        List<String> differences = new ArrayList<>();
        differences(committed, live, "", differences);

        assertThat(differences)
                .as("the served description differs from docs/api/openapi.yaml (committed -> served). Review the"
                        + " change, then write it into the file with\n  " + REGENERATE + "\nand commit it")
                .isEmpty();
    }

    @Test
    void nothing_of_the_committed_contract_is_removed_or_retyped() throws IOException {
        assertThat(breakingChanges())
                .as("changes that break clients generated from docs/api/openapi.yaml: keep /api/v1 as it is (add,"
                        + " never remove or retype)")
                .isEmpty();
    }

    private List<String> breakingChanges() throws IOException {
        if (!Files.exists(COMMITTED)) {
            return List.of();
        }
        return ContractChanges.breaking(
                YAML.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8)), YAML.readTree(served));
    }

    /** Each JSON pointer where the two trees differ, with both values (shortened). */
    private static void differences(JsonNode committed, JsonNode served, String at, List<String> out) {
        if (committed.isObject() && served.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            committed.fieldNames().forEachRemaining(keys::add);
            served.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String pointer = at + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!committed.has(key)) {
                    out.add(pointer + ": added " + shorten(served.get(key)));
                } else if (!served.has(key)) {
                    out.add(pointer + ": removed (was " + shorten(committed.get(key)) + ")");
                } else {
                    differences(committed.get(key), served.get(key), pointer, out);
                }
            }
            return;
        }
        if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                differences(committed.get(i), served.get(i), at + "/" + i, out);
            }
            return;
        }
        if (!committed.equals(served)) {
            out.add(at + ": " + shorten(committed) + " became " + shorten(served));
        }
    }

    private static String shorten(JsonNode node) {
        String text = node.toString();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    /** Every operation of the committed description, for the tests that walk it. */
    static Map<String, JsonNode> committedOperations() throws IOException {
        JsonNode document = YAML.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue()
                    .fields()
                    .forEachRemaining(method ->
                            operations.put(method.getValue().path("operationId").asText(), method.getValue()));
        }
        return operations;
    }
}
