package uk.nhs.ics.transition.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The service's HTTP API as a client sees it: JSON in and out, a bearer token per caller. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    /** An answer: status, the ETag's version if any, and the body. */
    record Answer(int status, String body, Long etagVersion) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        long version() {
            return json().get("version").asLong();
        }
    }

    Answer post(String token, String path, Object body) {
        HttpRequest.Builder request = request(token, path)
                .header("Content-Type", "application/json")
                .POST(
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json(body)));
        return send(request.build());
    }

    /** Posts a file as it is (a register), with its content type and these headers besides the token. */
    Answer upload(String token, String path, byte[] file, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = request(token, path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A download's bytes, whatever it is (a zip): the status and the body's length and bytes. */
    record Download(int status, byte[] body) {}

    Download download(String token, String path) {
        try {
            HttpResponse<byte[]> response =
                    client.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Answer get(String token, String path) {
        return send(request(token, path).GET().build());
    }

    Answer get(String token, String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(token, path).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Fails the run on an answer that is not 2xx: a benchmark that measures errors measures nothing. */
    Answer expectOk(Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    String token(String sub, List<String> roles, List<String> ics) {
        Answer answer = post(
                null,
                "/api/v1/dev/tokens",
                Map.of("sub", sub, "name", "Benchmark " + sub, "roles", roles, "ics", ics, "regions", List.of()));
        return expectOk(answer, "a development token").json().get("token").asText();
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Long version = response.headers()
                    .firstValue("ETag")
                    .map(tag -> tag.replace("W/", "").replace("\"", ""))
                    .filter(tag -> tag.matches("\\d+"))
                    .map(Long::valueOf)
                    .orElse(null);
            return new Answer(response.statusCode(), response.body(), version);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
