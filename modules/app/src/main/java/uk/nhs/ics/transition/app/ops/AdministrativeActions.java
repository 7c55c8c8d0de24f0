package uk.nhs.ics.transition.app.ops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.HandlerInterceptor;
import uk.nhs.ics.transition.web.RequestIds;

/**
 * Logs every administrative action (a request that changes something under {@code /api/v1/admin}: a projection's
 * replay, a dead letter's retry or skip) once it has been answered: what was asked, by whom (the token's subject and
 * name), in answer to which request (the service's correlation id and the caller's own {@code X-Request-Id}), and the
 * status it got. In one place for every such endpoint, present and future, instead of one log line per handler.
 */
public class AdministrativeActions implements HandlerInterceptor {

    static final String PATHS = "/api/v1/admin/**";
    private static final Logger log = LoggerFactory.getLogger(AdministrativeActions.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String subject = caller == null ? "anonymous" : caller.getName();
        String name = caller != null && caller.getPrincipal() instanceof Jwt jwt ? jwt.getClaimAsString("name") : null;
        log.info(
                "Administrative action {} {} by {} ({}): request {}, client request {}, answered {}",
                request.getMethod(),
                request.getRequestURI(),
                subject,
                name == null ? "no name" : name,
                RequestIds.of(request),
                RequestIds.clientRequestIdOf(request) == null ? "none" : RequestIds.clientRequestIdOf(request),
                response.getStatus());
    }
}
