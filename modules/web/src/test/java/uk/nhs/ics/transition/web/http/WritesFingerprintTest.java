package uk.nhs.ics.transition.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The fingerprint an idempotency key remembers its request by, and its stability across releases. */
class WritesFingerprintTest {

    private final Writes writes =
            new Writes(null, null, null, null, new ObjectMapper(), Clock.systemUTC(), Duration.ofHours(24), 1);

    record Before(String ccgCode, long valuePence, Map<String, String> details) {}

    record After(String ccgCode, long valuePence, Map<String, String> details, String reference) {}

    @Test
    void a_command_that_gains_an_optional_field_keeps_the_fingerprints_already_stored() {
        MockHttpServletRequest request = request("POST", "/api/v1/ccgs/91Q/transfer/items", null);

        String before = writes.fingerprint(request, new Before("91Q", 5000, Map.of("b", "2", "a", "1")));
        String after = writes.fingerprint(request, new After("91Q", 5000, Map.of("a", "1", "b", "2"), null));

        assertThat(after).isEqualTo(before).startsWith(Writes.FINGERPRINT_PREFIX);
        assertThat(Writes.sameRequest(before, after)).isTrue();
    }

    @Test
    void a_different_body_path_method_or_precondition_is_a_different_request() {
        MockHttpServletRequest request = request("POST", "/api/v1/ccgs/91Q/transfer/items", null);
        String original = writes.fingerprint(request, new Before("91Q", 5000, Map.of()));

        assertThat(writes.fingerprint(request, new Before("91Q", 5001, Map.of())))
                .isNotEqualTo(original);
        assertThat(writes.fingerprint(request, new After("91Q", 5000, Map.of(), "REF-1")))
                .isNotEqualTo(original);
        assertThat(writes.fingerprint(
                        request("POST", "/api/v1/ccgs/00L/transfer/items", null), new Before("91Q", 5000, Map.of())))
                .isNotEqualTo(original);
        assertThat(writes.fingerprint(
                        request("PUT", "/api/v1/ccgs/91Q/transfer/items", null), new Before("91Q", 5000, Map.of())))
                .isNotEqualTo(original);
        assertThat(writes.fingerprint(
                        request("POST", "/api/v1/ccgs/91Q/transfer/items", "\"3\""), new Before("91Q", 5000, Map.of())))
                .isNotEqualTo(original);
        assertThat(Writes.sameRequest(original, writes.fingerprint(request, new Before("91Q", 5001, Map.of()))))
                .isFalse();
    }

    @Test
    void a_fingerprint_an_earlier_release_stored_answers_its_key_again() {
        String legacy = "3f".repeat(32);

        assertThat(Writes.sameRequest(
                        legacy,
                        writes.fingerprint(
                                request("POST", "/api/v1/ccgs/91Q/transfer/items", null),
                                new Before("91Q", 5000, Map.of()))))
                .isTrue();
    }

    private static MockHttpServletRequest request(String method, String path, String ifMatch) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (ifMatch != null) {
            request.addHeader("If-Match", ifMatch);
        }
        return request;
    }
}
