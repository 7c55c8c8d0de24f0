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
 * Gives every request a correlation id: the caller's {@code X-Request-Id} if it is a sensible token, otherwise a new
 * one. It is echoed in the response, logged with every line the request causes, carried into the metadata of every
 * event the request records, and shown in problem details.
 */
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && ACCEPTABLE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        request.setAttribute(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The correlation id of the request being served. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(MDC_KEY);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }
}
