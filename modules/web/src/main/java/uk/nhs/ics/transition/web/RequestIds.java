package uk.nhs.ics.transition.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request the service's own correlation id (a fresh UUID, never chosen by the caller): it is returned as
 * {@code X-Correlation-Id}, logged with every line the request causes, carried into the metadata of every event the
 * request records, and shown in problem details. A caller's own {@code X-Request-Id} (1 to 100 letters, digits or
 * {@code ._:-}; anything else is refused by {@code InputText}) is kept beside it, recorded as the client's request id
 * and echoed back, so a client can find its request without being able to forge another's.
 */
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "requestId";
    public static final String CLIENT_MDC_KEY = "clientRequestId";
    public static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        request.setAttribute(MDC_KEY, id);
        response.setHeader(CORRELATION_HEADER, id);
        String given = request.getHeader(HEADER);
        if (given != null && ACCEPTABLE.matcher(given).matches()) {
            MDC.put(CLIENT_MDC_KEY, given);
            request.setAttribute(CLIENT_MDC_KEY, given);
            response.setHeader(HEADER, given);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
            MDC.remove(CLIENT_MDC_KEY);
        }
    }

    /** The correlation id of the request being served. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(MDC_KEY);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }

    /** The caller's own request id, if it gave an acceptable one. */
    public static String clientRequestIdOf(HttpServletRequest request) {
        Object id = request.getAttribute(CLIENT_MDC_KEY);
        return id == null ? null : id.toString();
    }
}
