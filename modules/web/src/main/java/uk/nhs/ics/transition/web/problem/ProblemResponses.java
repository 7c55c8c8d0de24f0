package uk.nhs.ics.transition.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes problem details from outside Spring MVC: the security filters' 401 and 403, and the request size limit's
 * 413, which happen before any controller is chosen.
 */
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** 401 for a missing, expired, wrongly signed or otherwise unacceptable token. */
    public AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Unauthenticated", describe(e)));
        };
    }

    /** 403 for a caller whose token is good but whose roles do not allow the action. */
    public AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(
                response, Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", "your roles do not allow this"));
    }

    private static String describe(AuthenticationException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("expired")) {
            return "the bearer token has expired";
        }
        if (message.startsWith("Full authentication") || message.isEmpty()) {
            return "a bearer token is required (Authorization: Bearer <JWT>)";
        }
        return "the bearer token is not acceptable";
    }
}
