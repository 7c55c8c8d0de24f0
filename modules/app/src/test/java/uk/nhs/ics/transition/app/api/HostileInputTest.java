package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.web.security.DevSigningKey;
import uk.nhs.ics.transition.web.security.DevTokenIssuer;

/**
 * What an attacker sends, refused at the edge with a problem detail naming what is wrong, and nothing changed:
 *
 * <ul>
 *   <li>text that is not valid Unicode or can hide what it says (NUL, an unpaired surrogate, C0 and C1 controls,
 *       bidirectional overrides; line breaks where one line is expected), in every string field of every operation's
 *       body in the contract, in paths, query parameters and recorded headers, and in a token's claims;
 *   <li>amounts, dates and instants beyond what the service records, and JSON that is not strictly JSON;
 *   <li>requests Tomcat itself refuses, methods the service answers nowhere, and the container's error path.
 * </ul>
 *
 * Only Sussex (QNX) and its CCGs are named, and every request here must be refused.
 */
class HostileInputTest extends EndToEndTest {

    /**
     * Writes every character beyond ASCII as a JSON escape, so that text which is not valid Unicode (an unpaired
     * surrogate) travels as an attacker would send it: UTF-8 cannot carry it, only an escape can.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    /** Each class of bad text, with a word the refusal must use, and whether a paragraph may hold it. */
    private record BadText(String name, String text, String says, boolean paragraphsMayHoldIt) {}

    private static final List<BadText> BAD_TEXT = List.of(
            new BadText("NUL", "a\u0000b", "NUL", false),
            new BadText("unpaired surrogate", "a\ud800b", "valid Unicode", false),
            new BadText("C0 control", "a\u0007b", "control characters", false),
            new BadText("C1 control", "a\u0085b", "control characters", false),
            new BadText("bidirectional override", "a\u202eb", "bidirectional", false),
            new BadText("line break", "a\r\nb", "single line", true));

    private static final Map<String, String> PATH_VALUES = Map.of(
            "icsCode", "QNX",
            "ccgCode", "70F",
            "regionCode", "Y59",
            "code", "Q1-SDP-UPDATED",
            "role", "CHAIR",
            "itemId", "T-1",
            "name", "milestones",
            "eventIdentifier", "00000000-0000-4000-8000-000000000000",
            "approvalId", "00000000-0000-4000-8000-000000000000");

    @Value("${ics.data-dir}")
    Path dataDir;

    private String everyone;
    private long eventsBefore;

    @BeforeEach
    void a_caller_allowed_almost_everything() {
        everyone = api.token(
                "hostile-tester",
                List.of("PROGRAMME_MANAGER", "NATIONAL_PROGRAMME", "AUDITOR", "REGIONAL_OVERSIGHT"),
                List.of("QNX"),
                List.of("Y59"));
        eventsBefore = events();
    }

    @Test
    void every_string_field_of_every_body_in_the_contract_refuses_each_class_of_bad_text_by_name() {
        JsonNode docs = api.get("/v3/api-docs").send().json();
        List<String> checked = new ArrayList<>();
        forEachOperation(docs, (path, method, operation) -> {
            JsonNode schema = operation
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            if (schema.isMissingNode()) {
                return;
            }
            for (Map.Entry<String, Boolean> field :
                    stringFields(docs, schema, "").entrySet()) {
                for (BadText bad : BAD_TEXT) {
                    if (field.getValue() && bad.paragraphsMayHoldIt()) {
                        continue;
                    }
                    Api.Response response = api.request(method.toUpperCase(), concrete(path))
                            .token(everyone)
                            .json(bodyWith(field.getKey(), bad.text()))
                            .send();
                    String what = method + " " + path + " " + field.getKey() + " with " + bad.name() + ": " + response;
                    assertThat(response.status()).as(what).isEqualTo(422);
                    assertThat(response.json().get("code").asText()).as(what).isEqualTo("INVALID_INPUT");
                    assertThat(errorsOf(response))
                            .as(what)
                            .anyMatch(e -> e.get("field").asText().equals(field.getKey())
                                    && e.get("message").asText().contains(bad.says()));
                }
                checked.add(method + " " + path + " " + field.getKey());
            }
        });

        assertThat(checked).as("string fields walked").hasSizeGreaterThan(30);
        assertThat(events()).as("nothing recorded").isEqualTo(eventsBefore);
    }

    @Test
    void paths_parameters_and_recorded_headers_refuse_bad_text_by_name() {
        for (BadText bad : BAD_TEXT) {
            if (bad.name().equals("NUL") || bad.name().equals("unpaired surrogate")) {
                continue; // NUL: Tomcat's own refusal, below; a surrogate cannot be written in UTF-8 at all
            }
            String encoded = URLEncoder.encode(bad.text(), StandardCharsets.UTF_8);
            Api.Response path = api.post("/api/v1/systems/Q" + encoded + "/milestones/Q1-SDP-UPDATED/start")
                    .token(everyone)
                    .send();
            assertRefused(path, "path", bad);

            Api.Response query = api.get("/api/v1/audit/events?actor=" + encoded)
                    .token(everyone)
                    .send();
            assertRefused(query, "actor", bad);

            Api.Response name =
                    api.get("/api/v1/regions?" + encoded + "=1").token(everyone).send();
            assertThat(name.status()).as("%s", name).isEqualTo(422);
        }
        Api.Response requestId = api.post("/api/v1/systems/QNX/milestones/Q1-SDP-UPDATED/start")
                .token(everyone)
                .header("X-Request-Id", "forged correlation id")
                .send();
        assertThat(requestId.status()).as("%s", requestId).isEqualTo(422);
        assertThat(errorsOf(requestId)).anyMatch(e -> e.get("field").asText().equals("X-Request-Id"));
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void a_development_token_cannot_be_minted_with_bad_text_or_for_the_system() {
        for (String sub : List.of("jane\u0000", "jane\r\nsmith", "system", "SYSTEM", "\u202eenaj")) {
            Api.Response response = api.post("/api/v1/dev/tokens")
                    .json(Map.of("sub", sub, "roles", List.of("AUDITOR")))
                    .send();
            assertThat(response.status()).as("%s: %s", sub, response).isEqualTo(422);
            assertThat(errorsOf(response)).anyMatch(e -> e.get("field").asText().equals("sub"));
        }
        Api.Response name = api.post("/api/v1/dev/tokens")
                .json(Map.of("sub", "jane", "name", "Jane\u0000", "roles", List.of("AUDITOR")))
                .send();
        assertThat(name.status()).as("%s", name).isEqualTo(422);
    }

    @Test
    void a_signed_token_without_subject_or_expiry_or_with_bad_claims_is_refused_with_401() {
        Instant now = Instant.now();
        List<Consumer<JwtClaimsSet.Builder>> bad = List.of(
                b -> b.claims(c -> c.remove("sub")),
                b -> b.subject(" "),
                b -> b.subject("system"),
                b -> b.claims(c -> c.remove("exp")),
                b -> b.expiresAt(Instant.parse("9999-01-01T00:00:00Z")),
                b -> b.subject("jane\u0000"),
                b -> b.claim("name", "Jane\u0000Smith"),
                b -> b.claim("roles", List.of("NATIONAL_PROGRAMME", "x\ud800")));
        for (Consumer<JwtClaimsSet.Builder> change : bad) {
            JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                    .issuer(DevTokenIssuer.ISSUER)
                    .subject("jane")
                    .issuedAt(now)
                    .notBefore(now)
                    .expiresAt(now.plus(Duration.ofHours(1)))
                    .claim("name", "Jane")
                    .claim("roles", List.of("NATIONAL_PROGRAMME"));
            change.accept(claims);
            Api.Response response = api.post("/api/v1/systems/QNX/milestones/Q1-SDP-UPDATED/start")
                    .token(sign(claims.build()))
                    .send();
            assertThat(response.status()).as("%s", response).isEqualTo(401);
            assertThat(response.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void amounts_dates_and_instants_beyond_what_is_recorded_are_refused_by_name() {
        assertField(
                item(Map.of("kind", "ASSET", "description", "x", "valuePence", 100_000_000_000_001L)), "valuePence");
        assertField(item(Map.of("kind", "ASSET", "description", "x", "valuePence", Long.MAX_VALUE)), "valuePence");
        assertField(
                item(Map.of(
                        "kind",
                        "STAFF",
                        "description",
                        "x",
                        "headcount",
                        1,
                        "wte",
                        new java.math.BigDecimal("1000000.01"))),
                "wte");
        for (String date :
                List.of("0000-01-01", "-999999999-01-01", "1999-12-31", "2101-01-01", "2023-03-31T00:00:00")) {
            assertField(
                    item(Map.of(
                            "kind",
                            "CONTRACT",
                            "description",
                            "x",
                            "counterparty",
                            "y",
                            "annualValuePence",
                            1,
                            "endDate",
                            date,
                            "novationRequired",
                            true)),
                    "endDate");
        }
        for (String instant : List.of("+1000000000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z")) {
            String encoded = URLEncoder.encode(instant, StandardCharsets.UTF_8);
            Api.Response readiness =
                    api.get("/api/v1/readiness?asOf=" + encoded).token(everyone).send();
            assertThat(readiness.status()).as("%s: %s", instant, readiness).isEqualTo(422);
            assertThat(errorsOf(readiness))
                    .anyMatch(e -> e.get("field").asText().equals("asOf"));
            Api.Response export = api.get("/api/v1/audit/events?from=" + encoded)
                    .token(everyone)
                    .send();
            assertThat(export.status()).as("%s: %s", instant, export).isEqualTo(422);
        }
        Api.Response at =
                api.get("/api/v1/readiness?at=2200-01-01").token(everyone).send();
        assertThat(at.status()).as("%s", at).isEqualTo(422);
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void json_that_is_not_strictly_json_is_refused() {
        Api.Response duplicate = api.post("/api/v1/ccgs/70F/transfer/items")
                .token(everyone)
                .json("{\"kind\":\"ASSET\",\"description\":\"x\",\"valuePence\":1,\"valuePence\":2}")
                .send();
        assertThat(duplicate.status()).as("a key given twice: %s", duplicate).isEqualTo(400);
        assertThat(duplicate.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");

        assertField(item(Map.of("kind", "ASSET", "description", "x", "valuePence", "100")), "valuePence");
        assertField(
                api.post("/api/v1/ccgs/70F/transfer/items")
                        .token(everyone)
                        .json("{\"kind\":\"ASSET\",\"description\":12,\"valuePence\":1}")
                        .send(),
                "description");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void what_tomcat_refuses_and_the_error_path_answer_problem_details() throws IOException {
        String nul = raw("GET /api/v1/systems/Q%00S HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(nul, 400);

        String hugeHeader = raw("GET /api/v1/regions HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(statusOf(hugeHeader)).isBetween(400, 431);
        assertThat(hugeHeader).containsIgnoringCase("content-type: application/problem+json");
        assertThat(hugeHeader).doesNotContain("<html").doesNotContain("Tomcat");

        // a method the service answers on no resource: 501, not a 404 that would deny /api/v1/regions exists
        for (String method : List.of("TRACE", "PROPFIND", "BREW")) {
            String refused = raw(method + " /api/v1/regions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertProblem(refused, 501);
            assertThat(refused).contains("\"code\":\"NOT_IMPLEMENTED\"");
        }

        Api.Response error = api.get("/error").send();
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.header("Content-Type")).startsWith("application/problem+json");
        assertThat(error.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.body()).doesNotContain("999");
    }

    // ---------------------------------------------------------------- helpers

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private static void forEachOperation(JsonNode docs, OperationVisitor visitor) {
        Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!path.getKey().startsWith("/api/v1/dev/")) {
                    visitor.visit(path.getKey(), method.getKey(), method.getValue());
                }
            }
        }
    }

    /** Every string property reachable in the schema, by path, and whether it is a paragraph (maxLength > 200). */
    private static Map<String, Boolean> stringFields(JsonNode docs, JsonNode schema, String prefix) {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        JsonNode resolved = resolve(docs, schema);
        JsonNode properties = resolved.path("properties");
        Iterator<Map.Entry<String, JsonNode>> each = properties.fields();
        while (each.hasNext()) {
            Map.Entry<String, JsonNode> property = each.next();
            String name = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            JsonNode type = resolve(docs, property.getValue());
            if ("string".equals(type.path("type").asText()) && !type.has("enum") && !type.has("format")) {
                fields.put(name, type.path("maxLength").asInt(0) > 200);
            } else if ("array".equals(type.path("type").asText())) {
                JsonNode items = resolve(docs, type.path("items"));
                if ("object".equals(items.path("type").asText()) || items.has("properties")) {
                    fields.putAll(stringFields(docs, items, name + "[0]"));
                }
            } else if (type.has("properties")) {
                fields.putAll(stringFields(docs, type, name));
            }
        }
        return fields;
    }

    private static JsonNode resolve(JsonNode docs, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return docs.path("components").path("schemas").path(name);
        }
        return schema;
    }

    /** A body with just the one field (nested as its path says) set to the text. */
    private static String bodyWith(String path, String text) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            if (part.endsWith("[0]")) {
                ObjectNode element = JSON.createObjectNode();
                node.putArray(part.substring(0, part.length() - 3)).add(element);
                node = element;
            } else {
                node = node.putObject(part);
            }
        }
        node.put(parts[parts.length - 1], text);
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String concrete(String path) {
        String concrete = path;
        for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
            concrete = concrete.replace("{" + value.getKey() + "}", value.getValue());
        }
        return concrete;
    }

    private Api.Response item(Map<String, Object> body) {
        return api.post("/api/v1/ccgs/70F/transfer/items")
                .token(everyone)
                .json(body)
                .send();
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(422);
        assertThat(errorsOf(response))
                .as("%s", response)
                .anyMatch(e -> e.get("field").asText().equals(field));
    }

    private static void assertRefused(Api.Response response, String field, BadText bad) {
        assertThat(response.status()).as("%s: %s", bad.name(), response).isEqualTo(422);
        assertThat(errorsOf(response))
                .as("%s: %s", bad.name(), response)
                .anyMatch(e -> e.get("field").asText().equals(field)
                        && e.get("message").asText().contains(bad.says()));
    }

    private static List<JsonNode> errorsOf(Api.Response response) {
        return StreamSupport.stream(response.json().path("errors").spliterator(), false)
                .toList();
    }

    private long events() {
        return jdbc.sql(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN ('QNX', '70F', '09D', '97R')")
                .query(Long.class)
                .single();
    }

    /** Signs the claims with the development key, writing them as JSON with every non-ASCII character escaped. */
    private String sign(JwtClaimsSet claims) {
        try {
            var key = DevSigningKey.loadOrCreate(dataDir);
            Map<String, Object> json = new LinkedHashMap<>();
            claims.getClaims()
                    .forEach((name, value) ->
                            json.put(name, value instanceof Instant instant ? instant.getEpochSecond() : value));
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                    new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(com.nimbusds.jose.JOSEObjectType.JWT)
                            .build(),
                    new com.nimbusds.jose.Payload(JSON.writeValueAsString(json)));
            jws.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int statusOf(String rawResponse) {
        return Integer.parseInt(rawResponse.substring(9, 12));
    }

    private static void assertProblem(String rawResponse, int status) {
        assertThat(statusOf(rawResponse)).as(rawResponse).isEqualTo(status);
        assertThat(rawResponse).containsIgnoringCase("content-type: application/problem+json");
        assertThat(rawResponse).contains("\"status\":" + status).doesNotContain("<html");
    }
}
