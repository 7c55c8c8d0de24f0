package uk.nhs.ics.transition.web.input;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;
import uk.nhs.ics.transition.messages.common.Text;
import uk.nhs.ics.transition.web.RequestIds;
import uk.nhs.ics.transition.web.problem.FieldError;
import uk.nhs.ics.transition.web.problem.ProblemResponses;
import uk.nhs.ics.transition.web.problem.Problems;

/**
 * Applies {@link Text}'s rule to what a request carries outside its body, before anything else reads it: the path,
 * every parameter (name and value), and the headers the service records or echoes. Each is a single line of text; a
 * request that breaks the rule is refused with 422, naming each part at fault, and changes nothing. (Bodies are
 * checked as they are read: {@link InputRules}.)
 */
public class InputText extends OncePerRequestFilter {

    /** Headers whose values are recorded (in events or logs) or echoed back. */
    static final List<String> RECORDED_HEADERS =
            List.of("X-Request-Id", "Idempotency-Key", "If-Match", "If-None-Match");

    private final ProblemResponses problems;

    public InputText(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldError> errors = problemsOf(request);
        if (!errors.isEmpty()) {
            problems.write(
                    response,
                    Problems.validation(HttpStatus.UNPROCESSABLE_ENTITY, "the request has invalid values", errors));
            return;
        }
        chain.doFilter(request, response);
    }

    static List<FieldError> problemsOf(HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
        check(errors, "path", path);
        Map<String, String[]> parameters = new TreeMap<>(request.getParameterMap());
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String problem = Text.problem(name, false);
            if (problem != null) {
                errors.add(new FieldError("query", "a parameter name " + problem));
                continue;
            }
            for (String value : parameter.getValue()) {
                check(errors, name, value);
            }
        }
        for (String header : RECORDED_HEADERS) {
            String value = request.getHeader(header);
            if (value != null) {
                check(errors, header, value);
            }
        }
        String requestId = request.getHeader(RequestIds.HEADER);
        if (requestId != null
                && errors.stream().noneMatch(e -> e.field().equals(RequestIds.HEADER))
                && !RequestIds.ACCEPTABLE.matcher(requestId).matches()) {
            errors.add(new FieldError(RequestIds.HEADER, "must be 1 to 100 letters, digits or ._:-"));
        }
        return errors;
    }

    private static void check(List<FieldError> errors, String field, String value) {
        String problem = Text.problem(value, false);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
    }
}
