package uk.nhs.ics.transition.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.RequestMatcher;
import uk.nhs.ics.transition.web.problem.ProblemResponses;
import uk.nhs.ics.transition.web.problem.Problems;

/**
 * Every {@code /api/v1} call needs a bearer JWT; the OpenAPI description, health and metrics do not. Sessions are
 * never created: each request stands on its token. What a caller may do is decided per operation.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

    /**
     * No observation of each security filter for each request: it cost a tenth of a request's CPU in the benchmark,
     * and the HTTP server's own request metrics (and the 401 and 403 counts in them) remain.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Every token decoder, however configured (development key, issuer, key set), maps the provider's claims onto the
     * service's ({@link ClaimMapping}, {@code ics.security.claims.*}), applies {@link TokenRules} (configured by
     * {@code ics.security.token.max-lifetime} and {@code ics.security.token.audience}), and remembers what it
     * verified.
     */
    @Bean
    static BeanPostProcessor checkAndRememberVerifiedTokens(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JwtDecoder decoder) || bean instanceof RememberingJwtDecoder) {
                    return bean;
                }
                TokenRules rules = new TokenRules(
                        environment.getProperty(
                                "ics.security.token.max-lifetime", Duration.class, Duration.ofHours(24)),
                        environment.getProperty("ics.security.token.audience"),
                        Clock.systemUTC());
                ClaimMapping claims = ClaimMapping.from(environment);
                JwtDecoder checked = token -> {
                    Jwt jwt = claims.apply(decoder.decode(token));
                    OAuth2TokenValidatorResult result = rules.validate(jwt);
                    if (result.hasErrors()) {
                        throw new JwtValidationException(
                                result.getErrors().iterator().next().getDescription(), result.getErrors());
                    }
                    return jwt;
                };
                return new RememberingJwtDecoder(checked, Clock.systemUTC(), 10_000);
            }
        };
    }

    @Bean
    ProblemResponses problemResponses(ObjectMapper json) {
        return new ProblemResponses(json);
    }

    /**
     * What the firewall refuses. A URL it refuses (an encoded semicolon, slash, backslash or percent sign...) names
     * nothing the API serves: 404 problem details, like any other unknown organisation, without echoing the path. A
     * method it refuses ({@code TRACE}, {@code PROPFIND}, one made up) is one the service answers on no resource at all:
     * 501, as RFC 9110 (section 15.6.2) says, not a 404 that would deny the resource exists.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, e) -> problems.write(
                response,
                SERVED_METHODS.contains(request.getMethod())
                        ? Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "no such resource")
                        : Problems.of(
                                HttpStatus.NOT_IMPLEMENTED,
                                "NOT_IMPLEMENTED",
                                "Method not implemented",
                                "the service answers no request with this method, on any resource"));
    }

    /** The methods the firewall lets through: Spring Security's defaults, stated where the handler above reads them. */
    static final Set<String> SERVED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** The firewall Spring Security applies to every request, letting through exactly {@link #SERVED_METHODS}. */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(SERVED_METHODS);
        return firewall;
    }

    /**
     * Metrics on the API's own port need a token of the national team or an auditor; on a separate management port
     * ({@code management.server.port}, meant to be reachable only from the monitoring network) they are open, as
     * health is everywhere.
     */
    static RequestMatcher metricsOnTheApiPort(Environment environment) {
        Integer managementPort = environment.getProperty("management.server.port", Integer.class);
        return request -> {
            String path = request.getRequestURI();
            boolean metrics = path.startsWith("/actuator/prometheus") || path.startsWith("/actuator/metrics");
            return metrics
                    && (managementPort == null || managementPort <= 0 || request.getLocalPort() != managementPort);
        };
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, Environment environment) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/dev/tokens")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .requestMatchers(metricsOnTheApiPort(environment))
                        .hasAnyRole(Role.NATIONAL_PROGRAMME.name(), Role.AUDITOR.name())
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()));
        return http.build();
    }

    /** The token's {@code roles} claim becomes {@code ROLE_*} authorities; its subject the principal's name. */
    private static JwtAuthenticationConverter roles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(TokenClaims.SUB);
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            for (Role role : Caller.from(jwt).roles()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            }
            return List.copyOf(authorities);
        });
        return converter;
    }
}
