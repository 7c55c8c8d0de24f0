package uk.nhs.ics.transition.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.nhs.ics.transition.web.problem.ProblemResponses;
import uk.nhs.ics.transition.web.problem.Problems;

/**
 * Refuses request bodies larger than the limit with 413, before anything parses them: at once when the declared
 * length is too large, and as soon as a chunked body passes the limit otherwise.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long defaultMaxBytes;
    private final Map<String, Long> limitsByPath;
    private final ProblemResponses problems;

    public RequestSizeLimit(long maxBytes, ProblemResponses problems) {
        this(maxBytes, Map.of(), problems);
    }

    /**
     * @param limitsByPath other limits for the paths that match an Ant pattern (a register upload's 20 MB); every
     *     other path keeps {@code maxBytes}
     */
    public RequestSizeLimit(long maxBytes, Map<String, Long> limitsByPath, ProblemResponses problems) {
        this.defaultMaxBytes = maxBytes;
        this.limitsByPath = Map.copyOf(limitsByPath);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitFor(request.getRequestURI());
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(response, tooLarge(maxBytes));
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    private long limitFor(String path) {
        for (Map.Entry<String, Long> limit : limitsByPath.entrySet()) {
            if (PATHS.match(limit.getKey(), path)) {
                return limit.getValue();
            }
        }
        return defaultMaxBytes;
    }

    private static org.springframework.http.ProblemDetail tooLarge(long maxBytes) {
        return Problems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "Request too large",
                "request bodies are limited to " + maxBytes + " bytes");
    }

    /** Thrown while reading a body that turns out larger than the limit. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("request bodies are limited to " + limit + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > limit) {
                            throw new TooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
