package uk.nhs.ics.transition.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small HTTP client for end-to-end tests: real requests to the running service, JSON in and out. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;

    public Api(int port) {
        this.base = "http://localhost:" + port;
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** A response: status, headers and body (parsed as JSON when it is JSON). */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private HttpRequest.BodyPublisher publisher;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(String json) {
            this.body = json;
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Call json(Object value) {
            try {
                return json(JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A body of raw bytes (an uploaded file), sent with its length. */
        public Call bytes(byte[] bytes, String contentType) {
            this.publisher = HttpRequest.BodyPublishers.ofByteArray(bytes);
            headers.put("Content-Type", contentType);
            return this;
        }

        /** A body streamed without a declared length (chunked), as a client that does not know it sends. */
        public Call chunked(java.util.function.Supplier<java.io.InputStream> stream, String contentType) {
            this.publisher = HttpRequest.BodyPublishers.ofInputStream(stream);
            headers.put("Content-Type", contentType);
            return this;
        }

        public Response send() {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            headers.forEach(request::header);
            request.method(
                    method,
                    publisher != null
                            ? publisher
                            : body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call request(String method, String path) {
        return new Call(method, path);
    }

    /** A development token for the caller described. */
    public String token(String sub, List<String> roles, List<String> ics, List<String> regions) {
        Response response = post("/api/v1/dev/tokens")
                .json(Map.of("sub", sub, "name", sub + " (test)", "roles", roles, "ics", ics, "regions", regions))
                .send();
        if (response.status() != 200) {
            throw new IllegalStateException("cannot get a token: " + response);
        }
        return response.json().get("token").asText();
    }

    public String programmeManager(String... ics) {
        return token("pm-" + String.join("-", ics), List.of("PROGRAMME_MANAGER"), List.of(ics), List.of());
    }

    public String regionalTeam(String... regions) {
        return token("region-" + String.join("-", regions), List.of("REGIONAL_OVERSIGHT"), List.of(), List.of(regions));
    }

    public String nationalTeam() {
        return token("national", List.of("NATIONAL_PROGRAMME"), List.of(), List.of());
    }

    public String auditor() {
        return token("auditor", List.of("AUDITOR"), List.of(), List.of());
    }
}
