package uk.nhs.ics.transition.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import uk.nhs.ics.transition.projections.ReplaySnapshots;
import uk.nhs.ics.transition.web.http.SnapshotReads;
import uk.nhs.ics.transition.web.security.ClaimMapping;

/**
 * Security for the pages, beside (and before) the API's own chain, which it leaves as it is. A person in a browser
 * signs in once and holds a session (cookie); the API stays stateless. A page also accepts a bearer token, so
 * scripts and tests can fetch it, and such a request creates no session.
 *
 * <ul>
 *   <li>Signing in: through the identity provider (OAuth2 login, only when a client registration is configured), or
 *       on the embedded default through the development sign-in page, which exists only where development tokens
 *       do. A browser that is not signed in is sent to {@code /sign-in}; a request with a bad bearer token is 401.
 *   <li>CSRF protection on every form (session-held tokens, which Thymeleaf adds to each form).
 *   <li>A Content-Security-Policy that allows the service's own stylesheet and nothing else: no script at all, no
 *       inline style, no frames; forms post only to the service.
 * </ul>
 *
 * What a signed-in person may see is decided per page, with the API's table of who may do what ({@link PageAccess}).
 */
@Configuration
public class PageSecurityConfiguration {

    /** Every path the pages answer (and their sign-in); everything else is the API's or the operations'. */
    static final String[] PAGE_PATHS = {
        "/",
        "/national/**",
        "/regions/**",
        "/systems/**",
        "/ccgs/**",
        "/audit",
        "/audit/**",
        "/sign-in",
        "/sign-in/**",
        "/sign-out",
        "/assets/**",
        "/favicon.ico",
        "/oauth2/**",
        "/login/oauth2/**"
    };

    /** Only the service's own stylesheet and images; no script, no inline style, no framing, forms to itself. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pages(
            HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations, Environment environment)
            throws Exception {
        http.securityMatcher(paths(PAGE_PATHS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                paths("/assets/**", "/favicon.ico", "/sign-in", "/sign-in/**"))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(
                        resource -> resource.jwt(Customizer.withDefaults()).authenticationEntryPoint(bearerRefused()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable);
        if (registrations.getIfAvailable() != null) {
            // production: people sign in through the identity provider that issues the API's tokens
            // with the provider's claims mapped onto the service's, as for API tokens (ics.security.claims.*)
            ClaimMapping claims = ClaimMapping.from(environment);
            OidcUserService provider = new OidcUserService();
            http.oauth2Login(login -> login.loginPage("/sign-in")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(request -> {
                        OidcUser user = provider.loadUser(request);
                        OidcIdToken token = user.getIdToken();
                        return new DefaultOidcUser(
                                user.getAuthorities(),
                                new OidcIdToken(
                                        token.getTokenValue(),
                                        token.getIssuedAt(),
                                        token.getExpiresAt(),
                                        claims.apply(token.getClaims())),
                                user.getUserInfo());
                    })));
        }
        return http.build();
    }

    /**
     * Path patterns as matchers that need no Spring MVC bean, so the chain also builds in a context without a web
     * server (the scenario test's).
     */
    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).map(path::matcher).toArray(RequestMatcher[]::new));
    }

    /** A browser goes to the sign-in page; a script that sent a token hears why it was refused. */
    private static AuthenticationEntryPoint entryPoint() {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
        byRequest.put(PageSecurityConfiguration::sentBearerToken, bearerRefused());
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byRequest);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in"));
        return entryPoint;
    }

    private static AuthenticationEntryPoint bearerRefused() {
        return new BearerTokenAuthenticationEntryPoint();
    }

    private static boolean sentBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * While a read model is replayed, a page reads its copy, as the API's reads do (the same {@link SnapshotReads},
     * for the pages' paths).
     */
    @Bean
    FilterRegistrationBean<SnapshotReads> pageSnapshotReads(
            ReplaySnapshots snapshots, JdbcClient jdbc, PlatformTransactionManager transactions) {
        SnapshotReads pages = new SnapshotReads(snapshots, jdbc, transactions) {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return super.shouldNotFilter(request) || !isPage(request.getRequestURI());
            }
        };
        FilterRegistrationBean<SnapshotReads> registration = new FilterRegistrationBean<>(pages);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    private static final List<String> READ_PAGES = List.of("/national/", "/regions/", "/systems/", "/ccgs/", "/audit");

    static boolean isPage(String path) {
        return "/".equals(path) || READ_PAGES.stream().anyMatch(path::startsWith);
    }
}
