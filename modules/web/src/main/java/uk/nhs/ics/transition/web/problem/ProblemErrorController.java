package uk.nhs.ics.transition.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error path ({@code /error}): every error that reaches it, and a request for it, answers a
 * problem detail, never Spring Boot's default error body. Asked for directly, there is nothing there: 404.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.NOT_FOUND;
        if (status.value() < 400) {
            status = HttpStatus.NOT_FOUND;
        }
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
}
