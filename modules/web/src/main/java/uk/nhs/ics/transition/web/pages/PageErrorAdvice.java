package uk.nhs.ics.transition.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import uk.nhs.ics.transition.web.RequestIds;
import uk.nhs.ics.transition.web.problem.DatabaseOutages;

/**
 * A page that cannot be shown answers an HTML page saying why, with the status code that says the same: 404 for an
 * organisation the programme does not have, 403 for one the person may not see, 400 for an address with a value
 * that is not what it should be, 500 (with the reference to quote, and nothing of the cause) for anything else.
 * Never a stack trace, and never JSON, to a browser.
 */
@ControllerAdvice(basePackageClasses = PageErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    private final PageModelAdvice common;
    private final DatabaseOutages outages;

    PageErrorAdvice(PageModelAdvice common, DatabaseOutages outages) {
        this.common = common;
        this.outages = outages;
    }

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound(PageNotFound e, HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, "Page not found", List.of(e.getMessage()), request);
    }

    @ExceptionHandler(PageForbidden.class)
    ModelAndView forbidden(PageForbidden e, HttpServletRequest request) {
        return page(
                HttpStatus.FORBIDDEN,
                "You cannot see this page",
                List.of(
                        e.getMessage(),
                        "If you think you should, ask the national programme team to check your roles."),
                request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badValue(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return badRequest(List.of(describe(e.getName())), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return badRequest(List.of("The address needs a value for " + e.getParameterName() + "."), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView invalid(HandlerMethodValidationException e, HttpServletRequest request) {
        List<String> problems = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            problems.add(describe(result.getMethodParameter().getParameterName()));
        }
        return badRequest(problems, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ModelAndView invalid(ConstraintViolationException e, HttpServletRequest request) {
        List<String> problems = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath().toString())
                .map(path -> describe(path.substring(path.lastIndexOf('.') + 1)))
                .toList();
        return badRequest(problems, request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (outages.isOutage(e)) {
            log.warn("A page could not be served: the database is unavailable ({})", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(outages.retryAfterSeconds()));
            return page(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Sorry, the service is unavailable",
                    List.of("Try again in a few minutes. Nothing was changed."),
                    request);
        }
        log.error("Unexpected failure serving a page", e);
        return page(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Sorry, there is a problem with the service",
                List.of(
                        "Try again later.",
                        "If it keeps happening, tell the service team and quote reference " + RequestIds.of(request)
                                + "."),
                request);
    }

    private ModelAndView badRequest(List<String> problems, HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, "There is a problem with the address", problems, request);
    }

    /** What a parameter should look like, in words. */
    static String describe(String parameter) {
        return switch (parameter) {
            case "at" -> "The rating date (at) must be a date such as 2021-12-28.";
            case "asOf" -> "The knowledge time (asOf) must be an instant such as 2021-12-20T17:00:00Z.";
            case "from", "to" -> "The times from and to must be instants such as 2021-12-20T17:00:00Z.";
            case "ics" -> "The ICS must be a code such as QKS.";
            case "ccg" -> "The CCG must be a code such as 91Q.";
            case "type" -> "The event type must be a name such as MilestoneCompleted.";
            case "actor" -> "The actor must be a person's identifier.";
            case "page", "history" -> "The page must be a number from 0.";
            default -> "The value of " + parameter + " is not what it should be.";
        };
    }

    ModelAndView page(HttpStatus status, String title, List<String> messages, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("pages/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("messages", messages);
        page.addObject("fmt", PageModelAdvice.FORMATS);
        page.addObject("viewer", common.viewer());
        page.addObject("path", request.getRequestURI());
        return page;
    }
}
