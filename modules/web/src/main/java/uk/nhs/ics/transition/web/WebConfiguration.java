package uk.nhs.ics.transition.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.projections.ProjectionPositions;
import uk.nhs.ics.transition.projections.ReplaySnapshots;
import uk.nhs.ics.transition.web.ccg.TransferRegisterController;
import uk.nhs.ics.transition.web.command.CommandSender;
import uk.nhs.ics.transition.web.csv.CsvMessageConverter;
import uk.nhs.ics.transition.web.http.ClientAddresses;
import uk.nhs.ics.transition.web.http.IdempotencyKeyExpiry;
import uk.nhs.ics.transition.web.http.RateLimits;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.http.SnapshotReads;
import uk.nhs.ics.transition.web.http.WriteContext;
import uk.nhs.ics.transition.web.http.Writes;
import uk.nhs.ics.transition.web.input.InputRules;
import uk.nhs.ics.transition.web.input.InputText;
import uk.nhs.ics.transition.web.problem.DatabaseAvailability;
import uk.nhs.ics.transition.web.problem.DatabaseOutages;
import uk.nhs.ics.transition.web.problem.ProblemErrorReportValve;
import uk.nhs.ics.transition.web.problem.ProblemResponses;
import uk.nhs.ics.transition.web.security.AuthorizationInterceptor;
import uk.nhs.ics.transition.web.security.CallerArgumentResolver;
import uk.nhs.ics.transition.web.security.GrantArgumentResolver;
import uk.nhs.ics.transition.web.security.Permissions;

/**
 * The web layer's infrastructure: request ids and size limits ahead of security, authorisation before anything reads
 * a request's body, the caller and grant as parameters, CSV, and the shared read and write conventions.
 */
@Configuration
@EnableScheduling
public class WebConfiguration implements WebMvcConfigurer {

    private final Permissions permissions;
    private final ProblemResponses problems;

    public WebConfiguration(@Lazy Permissions permissions, @Lazy ProblemResponses problems) {
        this.permissions = permissions;
        this.problems = problems;
    }

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** What counts as an outage of the database, and when a client should retry (503, {@code Retry-After}). */
    @Bean
    DatabaseOutages databaseOutages(@Value("${ics.web.outage-retry-after:5s}") Duration retryAfter) {
        return new DatabaseOutages(retryAfter);
    }

    /** An outage met by a filter, before any controller, answers 503 like one met inside a controller. */
    @Bean
    FilterRegistrationBean<OutageAnswers> outageAnswers(
            DatabaseOutages outages, ProblemResponses problems, ObjectProvider<DatabaseAvailability> availability) {
        FilterRegistrationBean<OutageAnswers> registration =
                new FilterRegistrationBean<>(new OutageAnswers(outages, problems, availability.getIfAvailable()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Every path, parameter and recorded header follows the text rule before anything reads it. */
    @Bean
    FilterRegistrationBean<InputText> inputText(ProblemResponses problems) {
        FilterRegistrationBean<InputText> registration = new FilterRegistrationBean<>(new InputText(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Every string, date and instant of a request body follows the input rules as it is read. */
    @Bean
    InputRules inputRules() {
        return new InputRules();
    }

    /**
     * Strict JSON: a key given twice is malformed, and a value of the wrong kind is refused rather than converted (no
     * number or boolean given as a string, no number or boolean where text is expected).
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${ics.web.max-request-size:1MB}") DataSize maxRequestSize,
            @Value("${ics.web.max-register-size:20MB}") DataSize maxRegisterSize,
            ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(
                maxRequestSize.toBytes(),
                Map.of(TransferRegisterController.IMPORTS_PATH_PATTERN, maxRegisterSize.toBytes()),
                problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** After security, so that callers are known by their token: a rate limit per caller on the API. */
    @Bean
    FilterRegistrationBean<RateLimits> rateLimits(
            ProblemResponses problems,
            ClientAddresses clientAddresses,
            @Value("${ics.web.rate-limit.per-second:200}") int perSecond) {
        FilterRegistrationBean<RateLimits> registration =
                new FilterRegistrationBean<>(new RateLimits(problems, clientAddresses, perSecond));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 200);
        return registration;
    }

    /** After security: a read while a read model is replayed answers from its copy (see {@link SnapshotReads}). */
    @Bean
    FilterRegistrationBean<SnapshotReads> snapshotReads(
            ReplaySnapshots snapshots, JdbcClient jdbc, PlatformTransactionManager transactions) {
        FilterRegistrationBean<SnapshotReads> registration =
                new FilterRegistrationBean<>(new SnapshotReads(snapshots, jdbc, transactions));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    /** Encoded slashes reach the security firewall (and its problem details) rather than Tomcat's HTML error page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /**
     * Tomcat's own errors (requests refused before the service sees them) answer problem details: the host's error
     * report valve is ours, in place of Tomcat's HTML one (and the plain one Spring Boot adds).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorsAsProblems() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                context.addLifecycleListener(event -> {
                    if (Lifecycle.START_EVENT.equals(event.getType())) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                        if (Arrays.stream(host.getPipeline().getValves())
                                .noneMatch(ProblemErrorReportValve.class::isInstance)) {
                            host.getPipeline().addValve(new ProblemErrorReportValve());
                        }
                    }
                });
            }
        });
    }

    @Bean
    Permissions permissions(ReferenceData referenceData) {
        return new Permissions(referenceData);
    }

    /** Who is behind a request: {@code X-Forwarded-For} only from {@code ics.web.trusted-proxies}. */
    @Bean
    ClientAddresses clientAddresses(@Value("${ics.web.trusted-proxies:}") List<String> trustedProxies) {
        return new ClientAddresses(trustedProxies);
    }

    @Bean
    CommandSender commandSender(CommandGateway commands, ClientAddresses clientAddresses) {
        return new CommandSender(commands, clientAddresses);
    }

    @Bean
    Reads reads(
            Clock clock,
            ProjectionPositions positions,
            @Value("${ics.web.min-version-patience:2s}") Duration patience) {
        return new Reads(clock, positions, patience);
    }

    @Bean
    Writes writes(
            CommandSender sender,
            JdbcClient jdbc,
            TransactionManager unitOfWorkTransactions,
            PlatformTransactionManager transactions,
            ObjectMapper json,
            @Value("${ics.web.idempotency-ttl:24h}") Duration keyLifetime,
            @Value("${ics.web.write-attempts:5}") int attempts) {
        return new Writes(
                sender,
                jdbc,
                unitOfWorkTransactions,
                new TransactionTemplate(transactions),
                json,
                Clock.systemUTC(),
                keyLifetime,
                attempts);
    }

    /** Lets a handler that writes take its {@link WriteContext}. */
    @Bean
    WebMvcConfigurer writeContexts(ObjectProvider<Writes> writes) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new WriteContext.Resolver(writes));
            }
        };
    }

    @Bean
    IdempotencyKeyExpiry idempotencyKeyExpiry(JdbcClient jdbc) {
        return new IdempotencyKeyExpiry(jdbc);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
        resolvers.add(new GrantArgumentResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuthorizationInterceptor(permissions, problems))
                .addPathPatterns("/api/**");
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new CsvMessageConverter());
    }
}
