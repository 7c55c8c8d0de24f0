package uk.nhs.ics.transition.web.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.nhs.ics.transition.messages.ccg.RegisterImportRefused;
import uk.nhs.ics.transition.messages.ccg.RegisterProblem;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.web.RequestIds;
import uk.nhs.ics.transition.web.http.ProjectionBehind;

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
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            try {
                problem.setInstance(URI.create(request.getRequest().getRequestURI()));
            } catch (IllegalArgumentException unusualPath) {
                // a path no URI can hold: the problem goes without its instance rather than failing
            }
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
                    case STALE -> HttpStatus.PRECONDITION_FAILED;
                };
        return of(status, code.name(), title(code), detail);
    }

    /** Invalid input, naming each field at fault. */
    public static ProblemDetail validation(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(status, "VALIDATION_FAILED", "Invalid input", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The problem a refusal answers with: a rule of the domain, a stale {@code If-Match}, a concurrent change,
     * something that does not exist, a read model behind the version asked for. Empty for anything else (a failure
     * of the service itself).
     */
    public static Optional<ProblemDetail> forRefusal(Throwable refusal) {
        return REFUSALS.answer(refusal);
    }

    private static final ProblemTable REFUSALS = new ProblemTable()
            .row(
                    RegisterImportRefused.class,
                    refused -> rows(refused, refused.plan().problems()))
            .row(MalformedRegister.class, malformed -> rows(malformed, malformed.problems()))
            .row(RuleViolation.class, Problems::forRule)
            .row(
                    PayloadTooLarge.class,
                    tooLarge -> of(
                            HttpStatus.PAYLOAD_TOO_LARGE,
                            "PAYLOAD_TOO_LARGE",
                            "Request too large",
                            tooLarge.getMessage()))
            .row(
                    ConflictingAggregateVersionException.class,
                    stale -> of(
                            HttpStatus.PRECONDITION_FAILED,
                            "VERSION_MISMATCH",
                            "The resource has changed",
                            "If-Match named version " + stale.getExpectedVersion() + " but the resource is at version "
                                    + stale.getActualVersion() + "; read it again and retry"))
            .row(
                    ConcurrencyException.class,
                    concurrent -> of(
                            HttpStatus.CONFLICT,
                            "CONCURRENT_MODIFICATION",
                            "Changed at the same moment by someone else",
                            "another change to the same resource was stored at the same moment; read it again and"
                                    + " retry"))
            .row(
                    AggregateNotFoundException.class,
                    missing -> of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "no such resource"))
            .row(NotFound.class, missing -> of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", missing.getMessage()))
            .row(
                    ProjectionBehind.class,
                    behind -> of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "PROJECTION_BEHIND",
                            "Not caught up yet",
                            behind.getMessage()));

    /** A rule of the domain refused: its code, and the field at fault when it names one. */
    private static ProblemDetail forRule(RuleViolation violation) {
        ProblemDetail problem = of(violation.code(), violation.getMessage());
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(new FieldError(violation.field(), violation.getMessage())));
        }
        return problem;
    }

    /** A refused register: {@code errors} names each refused row and column, {@code warnings} what only warns. */
    private static ProblemDetail rows(RuleViolation refusal, List<RegisterProblem> problems) {
        ProblemDetail problem = of(refusal.code(), refusal.getMessage());
        problem.setProperty(
                "errors",
                problems.stream()
                        .filter(RegisterProblem::refuses)
                        .map(RowError::of)
                        .toList());
        List<RowError> warnings =
                problems.stream().filter(p -> !p.refuses()).map(RowError::of).toList();
        if (!warnings.isEmpty()) {
            problem.setProperty("warnings", warnings);
        }
        return problem;
    }

    private static String title(ErrorCode code) {
        String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
