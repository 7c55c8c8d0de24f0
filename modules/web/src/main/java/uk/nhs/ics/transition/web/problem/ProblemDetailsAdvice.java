package uk.nhs.ics.transition.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.messaging.annotation.MessageHandlerInvocationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.nhs.ics.transition.domain.BrokenHistory;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.web.RequestSizeLimit;
import uk.nhs.ics.transition.web.http.ProjectionBehind;
import uk.nhs.ics.transition.web.input.InputRules;

/**
 * Turns every failure into problem details. Refusals by the domain keep their stable error code; input errors name
 * each field; anything unexpected is a plain 500 whose detail says only how to quote it (the correlation id), while
 * the cause goes to the log.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final String INVALID_FIELDS = "the request body has invalid fields";
    private static final String INVALID_VALUES = "the request has invalid values";

    private final DatabaseOutages outages;

    public ProblemDetailsAdvice(DatabaseOutages outages) {
        this.outages = outages;
    }

    /** Refusals: rules of the domain, stale versions, concurrent changes, unknown things, read models behind. */
    @ExceptionHandler({
        RuleViolation.class,
        ConflictingAggregateVersionException.class,
        ConcurrencyException.class,
        AggregateNotFoundException.class,
        NotFound.class,
        ProjectionBehind.class,
        PayloadTooLarge.class
    })
    ResponseEntity<ProblemDetail> refusal(RuntimeException e) {
        ProblemDetail problem = Problems.forRefusal(e).orElseThrow(() -> e);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (e instanceof ProjectionBehind) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", e.getMessage()));
    }

    /**
     * A history that cannot be replayed: the operators' to repair, named in the log; this aggregate only. Axon wraps
     * what a sourcing handler throws in a {@link MessageHandlerInvocationException}.
     */
    @ExceptionHandler({BrokenHistory.class, MessageHandlerInvocationException.class})
    ResponseEntity<ProblemDetail> brokenHistory(RuntimeException failure) {
        BrokenHistory e = BrokenHistory.behind(failure).orElse(null);
        if (e == null || outages.isOutage(failure)) {
            return unexpected(failure);
        }
        log.error("An aggregate's recorded history cannot be replayed", failure);
        return respond(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "BROKEN_HISTORY",
                "Recorded history cannot be replayed",
                "the recorded history of " + e.aggregateId() + " cannot be replayed at event " + e.sequenceNumber()
                        + "; nothing was changed, and the operators must repair it (quote the correlationId)"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<ResponseEntity<ProblemDetail>> outage = outages.answer(e);
        if (outage.isPresent()) {
            log.warn("A request could not be served: the database is unavailable ({})", e.toString());
            return outage.get();
        }
        log.error("Unexpected failure serving a request", e);
        return respond(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Internal error",
                "the service failed to answer; quote the correlationId when reporting it"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            @NonNull MethodArgumentNotValidException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return respond(Problems.validation(HttpStatus.UNPROCESSABLE_ENTITY, INVALID_FIELDS, sorted(errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldError(name, error.getDefaultMessage())));
        }
        return respond(Problems.validation(HttpStatus.UNPROCESSABLE_ENTITY, INVALID_VALUES, sorted(errors)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(Problems.validation(HttpStatus.UNPROCESSABLE_ENTITY, INVALID_VALUES, sorted(errors)));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause instanceof RuleViolation violation
                ? violation.getMessage()
                : "is not a valid " + readable(e.getRequiredType());
        return respond(Problems.validation(
                HttpStatus.UNPROCESSABLE_ENTITY, INVALID_VALUES, List.of(new FieldError(e.getName(), message))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        return respond(Problems.validation(
                HttpStatus.BAD_REQUEST,
                "a required parameter is missing",
                List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            @NonNull HttpMessageNotReadableException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge tooLarge) {
                return respond(Problems.of(
                        HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Request too large", tooLarge.getMessage()));
            }
        }
        Throwable cause = e.getCause();
        if (cause == null) {
            return respond(malformedJson());
        }
        return respond(UNREADABLE_BODIES
                .answer(cause)
                .orElseGet(() -> Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "MALFORMED_REQUEST",
                        "Malformed request",
                        "the request body cannot be read")));
    }

    /**
     * What a body that could not be read answers with, by what Jackson (or the input rules, as it read) found: a
     * value for a field names the field; anything else is malformed.
     */
    private static final ProblemTable UNREADABLE_BODIES = new ProblemTable()
            // the input rules are the domain's own checks of text and dates, applied as the body is read: the same
            // code as when the domain refuses such a value
            .row(InputRules.Refused.class, refused -> {
                String field = path(refused);
                ProblemDetail problem = Problems.of(ErrorCode.INVALID_INPUT, INVALID_FIELDS);
                problem.setProperty(
                        "errors",
                        List.of(new FieldError(field.isEmpty() ? "body" : field, refused.getOriginalMessage())));
                return problem;
            })
            .rowUnless(ValueInstantiationException.class, instantiation -> {
                if (!(instantiation.getCause() instanceof RuleViolation violation)) {
                    return Optional.empty();
                }
                String field = path(instantiation);
                String named = violation.field() == null || field.endsWith(violation.field())
                        ? field
                        : field.isEmpty() ? violation.field() : field + "." + violation.field();
                return Optional.of(invalidBody(named.isEmpty() ? "body" : named, violation.getMessage()));
            })
            .row(
                    UnrecognizedPropertyException.class,
                    unknown -> Problems.validation(
                            HttpStatus.UNPROCESSABLE_ENTITY,
                            "the request body has a field this operation does not take",
                            List.of(new FieldError(path(unknown), "is not a field of this request"))))
            .row(
                    InvalidFormatException.class,
                    invalid -> invalidBody(path(invalid), "is not a valid " + readable(invalid.getTargetType())))
            .rowUnless(
                    MismatchedInputException.class,
                    mismatched -> mismatched.getPath().isEmpty()
                            ? Optional.empty()
                            : Optional.of(invalidBody(
                                    path(mismatched),
                                    "has the wrong type: expected " + readable(mismatched.getTargetType()))))
            // well-formed JSON, but a number the field cannot hold (such as more pence than a long has)
            .rowUnless(
                    JsonMappingException.class,
                    mapping -> !mapping.getPath().isEmpty() && mapping.getCause() instanceof InputCoercionException
                            ? Optional.of(invalidBody(path(mapping), "is out of range"))
                            : Optional.empty())
            .row(JsonProcessingException.class, malformed -> malformedJson());

    private static ProblemDetail invalidBody(String field, String message) {
        return Problems.validation(
                HttpStatus.UNPROCESSABLE_ENTITY, INVALID_FIELDS, List.of(new FieldError(field, message)));
    }

    private static ProblemDetail malformedJson() {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST",
                "Malformed request",
                "the request body is missing or is not well-formed JSON");
    }

    /** Spring's own handlers (405, 406, 415, 404 for unknown paths...) get the same shape and a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            @NonNull Exception e,
            Object body,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        HttpStatus known = HttpStatus.resolve(status.value());
        HttpStatus resolved = known == null ? HttpStatus.BAD_REQUEST : known;
        String detail = body instanceof ProblemDetail given && given.getDetail() != null
                ? given.getDetail()
                : resolved.getReasonPhrase();
        ProblemDetail problem = Problems.of(resolved, codeFor(resolved), resolved.getReasonPhrase(), detail);
        return ResponseEntity.status(resolved).headers(headers).body(problem);
    }

    private static String codeFor(HttpStatus status) {
        return status.name();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String readable(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString());
            }
            return "value (one of " + String.join(", ", names) + ")";
        }
        String simple = type.getSimpleName();
        return switch (simple) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant" -> "instant (e.g. 2021-09-30T17:00:00Z)";
            case "Long", "long", "Integer", "int" -> "whole number";
            case "Boolean", "boolean" -> "true or false";
            case "BigDecimal" -> "decimal number";
            default -> simple.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        };
    }

    private static List<FieldError> sorted(List<FieldError> errors) {
        return errors.stream().sorted((a, b) -> a.field().compareTo(b.field())).toList();
    }

    /** The problem as the answer (typed as each handler's signature needs: Spring's own handlers answer Object). */
    @SuppressWarnings("unchecked")
    private static <T> ResponseEntity<T> respond(ProblemDetail problem) {
        return (ResponseEntity<T>) ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
