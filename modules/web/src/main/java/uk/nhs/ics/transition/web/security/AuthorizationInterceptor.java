package uk.nhs.ics.transition.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import uk.nhs.ics.transition.web.problem.ProblemResponses;
import uk.nhs.ics.transition.web.problem.Problems;

/**
 * Applies {@link Requires} before anything else of the request is looked at: the organisation named in the path
 * must exist (404), and the caller must be allowed (403). The grant is kept on the request for the controller.
 */
public class AuthorizationInterceptor implements HandlerInterceptor {

    static final String GRANT = AuthorizationInterceptor.class.getName() + ".grant";

    private final Permissions permissions;
    private final ProblemResponses problems;

    public AuthorizationInterceptor(Permissions permissions, ProblemResponses problems) {
        this.permissions = permissions;
        this.problems = problems;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Requires requires = method.getMethodAnnotation(Requires.class);
        if (requires == null) {
            return true;
        }
        String target = null;
        if (!requires.target().isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables =
                    (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            target = variables == null ? null : variables.get(requires.target());
            if (!exists(requires.target(), target)) {
                problems.write(
                        response,
                        Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", notFound(requires.target())));
                return false;
            }
        }
        var grant = permissions.check(CallerArgumentResolver.current(), requires.value(), target);
        if (grant.isEmpty()) {
            problems.write(
                    response,
                    Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", "your roles do not allow this here"));
            return false;
        }
        request.setAttribute(GRANT, grant.get());
        return true;
    }

    private boolean exists(String kind, String code) {
        return switch (kind) {
            case "icsCode" -> permissions.isIcs(code);
            case "ccgCode" -> permissions.isCcg(code);
            case "regionCode" -> permissions.isRegion(code);
            default -> throw new IllegalStateException("unknown target kind " + kind);
        };
    }

    private static String notFound(String kind) {
        return switch (kind) {
            case "icsCode" -> "no such ICS";
            case "ccgCode" -> "no such CCG";
            default -> "no such region";
        };
    }
}
