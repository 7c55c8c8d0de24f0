package uk.nhs.ics.transition.web.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.web.RequestIds;

/** Builds the problem details the API answers with. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:ics-transition:problem:";

    private Problems() {}

    /** A problem of the service itself (not a rule of the domain), such as {@code validation} or {@code forbidden}. */
    public static ProblemDetail of(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code.toUpperCase(Locale.ROOT).replace('-', '_'));
        String correlationId = MDC.get(RequestIds.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /** A refusal by a rule of the domain, under its stable error code. */
    public static ProblemDetail of(ErrorCode code, String detail) {
        HttpStatus status =
                switch (code.kind()) {
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                };
        return of(status, code.name(), title(code), detail);
    }

    /** Invalid input, naming each field at fault. */
    public static ProblemDetail validation(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(status, "VALIDATION_FAILED", "Invalid input", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String title(ErrorCode code) {
        String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
