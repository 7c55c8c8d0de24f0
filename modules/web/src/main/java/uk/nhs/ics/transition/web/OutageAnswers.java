package uk.nhs.ics.transition.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.nhs.ics.transition.web.problem.DatabaseAvailability;
import uk.nhs.ics.transition.web.problem.DatabaseOutages;
import uk.nhs.ics.transition.web.problem.ProblemResponses;

/**
 * Just inside the request ids: an outage of the database that escapes everything after it (a filter that reads the
 * database before any controller, such as {@code SnapshotReads}) answers 503 with {@code Retry-After} and a problem
 * carrying the correlation id, like the same outage inside a controller. A browser asking for a page is left to the
 * error page, which says the same in HTML.
 *
 * <p>While the database is known to be unavailable ({@link DatabaseAvailability}: its last check failed as an outage),
 * a request to the API answers 503 at once rather than waiting out the connection pool's timeout.
 */
public class OutageAnswers extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OutageAnswers.class);

    private final DatabaseOutages outages;
    private final ProblemResponses problems;
    private final DatabaseAvailability availability;

    public OutageAnswers(DatabaseOutages outages, ProblemResponses problems, DatabaseAvailability availability) {
        this.outages = outages;
        this.problems = problems;
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DatabaseOutages.Kind known = availability == null ? null : availability.knownOutage();
        if (known != null && request.getRequestURI().startsWith("/api/")) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(outages.retryAfterSeconds()));
            problems.write(response, outages.problem(known));
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            Optional<DatabaseOutages.Kind> outage = DatabaseOutages.kind(failure);
            if (outage.isEmpty() || response.isCommitted() || wantsPage(request)) {
                throw failure;
            }
            log.warn("A request could not be served: the database is unavailable ({})", failure.toString());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(outages.retryAfterSeconds()));
            problems.write(response, outages.problem(outage.get()));
        }
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String path = request.getRequestURI();
        return accept != null
                && accept.contains("text/html")
                && !path.startsWith("/api/")
                && !path.startsWith("/v3/")
                && !path.startsWith("/actuator");
    }
}
