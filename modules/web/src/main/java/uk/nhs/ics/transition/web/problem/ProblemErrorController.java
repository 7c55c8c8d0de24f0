package uk.nhs.ics.transition.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import uk.nhs.ics.transition.web.RequestIds;

/**
 * The servlet container's error path ({@code /error}): every error that reaches it, and a request for it, answers a
 * problem detail, never Spring Boot's default error body. Asked for directly, there is nothing there: 404. A browser
 * asking for a page (HTML, outside the API) gets the pages' error page instead, with the same status.
 *
 * <p>A failure that is an outage of the database (thrown by a filter, before any controller) answers 503 with
 * {@code Retry-After}, like the same failure in a controller (see {@link DatabaseOutages}).
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private final DatabaseOutages outages;

    public ProblemErrorController(DatabaseOutages outages) {
        this.outages = outages;
    }

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        boolean restored = restoreCorrelationId(request);
        try {
            return problem(request);
        } finally {
            if (restored) {
                MDC.remove(RequestIds.MDC_KEY);
            }
        }
    }

    /** The error dispatch comes after the request ids' filter has finished: the problem still names the request. */
    private static boolean restoreCorrelationId(HttpServletRequest request) {
        Object id = request.getAttribute(RequestIds.MDC_KEY);
        if (id == null || MDC.get(RequestIds.MDC_KEY) != null) {
            return false;
        }
        MDC.put(RequestIds.MDC_KEY, id.toString());
        return true;
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable thrown) {
            ResponseEntity<ProblemDetail> outage = outages.answer(thrown).orElse(null);
            if (outage != null) {
                return outage;
            }
        }
        HttpStatus status = status(request);
        String detail = status == HttpStatus.NOT_FOUND
                ? "no such resource"
                : status.is5xxServerError()
                        ? "the service failed to answer; quote the correlationId when reporting it"
                        : status.getReasonPhrase();
        ProblemDetail problem = Problems.of(status, status.name(), status.getReasonPhrase(), detail);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The same error for a person with a browser: the pages' error page, never a problem document in the window. */
    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    public Object page(HttpServletRequest request, HttpServletResponse response) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator")) {
            return error(request);
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        HttpStatus status = failure instanceof Throwable thrown && outages.isOutage(thrown)
                ? HttpStatus.SERVICE_UNAVAILABLE
                : status(request);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", String.valueOf(outages.retryAfterSeconds()));
        }
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value()));
        page.setStatus(status);
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.NOT_FOUND;
        return status.value() < 400 ? HttpStatus.NOT_FOUND : status;
    }
}
