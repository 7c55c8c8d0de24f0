package uk.nhs.ics.transition.web.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.nhs.ics.transition.web.problem.ProblemResponses;
import uk.nhs.ics.transition.web.problem.Problems;

/**
 * A rate limit per caller (the token's subject, or the client address of a request without a valid token): at most
 * {@code ics.web.rate-limit.per-second} requests each second, with Resilience4j's rate limiter, one per caller, held
 * while the caller is active. A request over the limit is answered at once with 429, a problem detail and
 * {@code Retry-After}; it changes nothing.
 */
public class RateLimits extends OncePerRequestFilter {

    private final ProblemResponses problems;
    private final ClientAddresses clientAddresses;
    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;

    public RateLimits(ProblemResponses problems, ClientAddresses clientAddresses, int perSecond) {
        this.problems = problems;
        this.clientAddresses = clientAddresses;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .maximumSize(100_000)
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller = callerOf(request);
        RateLimiter limiter = limiters.get(caller, key -> RateLimiter.of(key, config));
        if (!limiter.acquirePermission()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "RATE_LIMITED",
                            "Too many requests",
                            "more than " + config.getLimitForPeriod() + " requests a second; retry after a second"));
            return;
        }
        chain.doFilter(request, response);
    }

    private String callerOf(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null) {
            return "sub:" + authentication.getName();
        }
        return "address:" + clientAddresses.of(request);
    }
}
