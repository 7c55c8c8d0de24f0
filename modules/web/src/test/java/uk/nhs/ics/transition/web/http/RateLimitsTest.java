package uk.nhs.ics.transition.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.nhs.ics.transition.web.problem.ProblemResponses;

class RateLimitsTest {

    private final RateLimits limits =
            new RateLimits(new ProblemResponses(new ObjectMapper()), new ClientAddresses(List.of()), 3);

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_caller_over_the_limit_gets_429_with_retry_after_as_a_problem_and_the_request_goes_no_further()
            throws Exception {
        as("jane");
        for (int i = 0; i < 3; i++) {
            assertThat(send().getStatus()).isEqualTo(200);
        }

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        limits.doFilter(new MockHttpServletRequest("GET", "/api/v1/regions"), refused, chain);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(chain.getRequest()).as("not passed on").isNull();
    }

    @Test
    void each_caller_has_a_limit_of_its_own() throws Exception {
        as("jane");
        for (int i = 0; i < 3; i++) {
            send();
        }
        assertThat(send().getStatus()).isEqualTo(429);

        as("ravi");
        assertThat(send().getStatus()).isEqualTo(200);
    }

    @Test
    void without_a_token_callers_are_told_apart_by_address() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(sendFrom("192.0.2.1").getStatus()).isEqualTo(200);
        }
        assertThat(sendFrom("192.0.2.1").getStatus()).isEqualTo(429);
        assertThat(sendFrom("192.0.2.2").getStatus()).isEqualTo(200);
    }

    private static void as(String subject) {
        TestingAuthenticationToken token = new TestingAuthenticationToken(subject, null, "ROLE_AUDITOR");
        token.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(token);
    }

    private MockHttpServletResponse send() throws Exception {
        return sendFrom("127.0.0.1");
    }

    private MockHttpServletResponse sendFrom(String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/regions");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
