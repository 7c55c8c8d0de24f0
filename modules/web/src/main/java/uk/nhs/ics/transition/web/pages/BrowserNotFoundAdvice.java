package uk.nhs.ics.transition.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import uk.nhs.ics.transition.web.problem.ProblemDetailsAdvice;

/**
 * An address the service has no page for: a browser (which asks for HTML) gets the pages' own 404 page, with their
 * Content-Security-Policy; the API's clients, and anything under {@code /api}, get problem details as before.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BrowserNotFoundAdvice {

    private final PageErrorAdvice pages;
    private final ProblemDetailsAdvice problems;

    BrowserNotFoundAdvice(PageErrorAdvice pages, ProblemDetailsAdvice problems) {
        this.pages = pages;
        this.problems = problems;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(
            NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response, WebRequest web)
            throws Exception {
        if (!wantsPage(request)) {
            return problems.handleException(e, web);
        }
        response.setHeader("Content-Security-Policy", PageSecurityConfiguration.CONTENT_SECURITY_POLICY);
        return pages.page(
                HttpStatus.NOT_FOUND,
                "Page not found",
                List.of(
                        "If you typed the web address, check it is correct.",
                        "If you pasted it, check you copied all of it."),
                request);
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null
                && accept.contains("text/html")
                && !path.startsWith("/api/")
                && !path.startsWith("/v3/")
                && !path.startsWith("/actuator");
    }
}
