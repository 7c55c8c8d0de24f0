package uk.nhs.ics.transition.app.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.web.problem.ProblemResponses;
import uk.nhs.ics.transition.web.problem.Problems;

/**
 * The demo programme, when {@code ICS_DEMO} names it (see {@link DemoLoader}). The business clock is then a
 * {@link DemoClock} (see {@code ClockConfiguration}); the history runs to {@code ICS_CLOCK_FIXED_DATE} if set, else to
 * the days after establishment.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${ics.demo.name:}' != ''")
public class DemoConfiguration {

    @Bean
    DemoLoader demoLoader(
            @Value("${ics.demo.name}") String name,
            @Value("${ics.clock.fixed-date:}") String fixedDate,
            @Value("${ics.data-dir:./data}") String dataDir,
            @Value("${ics.database.embedded:true}") boolean embedded,
            Clock clock,
            ReferenceData reference,
            CommandGateway commands,
            EventStore eventStore,
            EventProcessingConfiguration processing,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager) {
        if (!DemoProgramme.NAME.equals(name.strip())) {
            throw new IllegalStateException(
                    "ICS_DEMO=" + name + " names no demo; the one demo is ICS_DEMO=" + DemoProgramme.NAME);
        }
        LocalDate lastDay =
                fixedDate == null || fixedDate.isBlank() ? DemoProgramme.LAST_DAY : LocalDate.parse(fixedDate.strip());
        if (lastDay.isBefore(uk.nhs.ics.transition.messages.common.Programme.START)) {
            throw new IllegalStateException("ICS_CLOCK_FIXED_DATE=" + lastDay + " is before the programme began");
        }
        return new DemoLoader(
                (DemoClock) clock,
                lastDay,
                reference,
                commands,
                eventStore,
                processing,
                jdbc,
                new TransactionTemplate(transactionManager),
                embedded ? "the data folder " + Path.of(dataDir).toAbsolutePath() : "the database");
    }

    /** Before the reference data is registered (order 0): an empty store only, clocks on the first day. */
    @Bean
    ApplicationRunner demoStart(DemoLoader loader) {
        ApplicationRunner check = loader.refuseAStoreInUse();
        return new OrderedRunner(check, -10);
    }

    /** After the reference data: the history. */
    @Bean
    ApplicationRunner demoHistory(DemoLoader loader) {
        return new OrderedRunner(loader::run, 10);
    }

    /** The API answers 503 while the demo loads: nothing else may write while its clocks are simulated. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> demoLoading(DemoLoader loader, ProblemResponses problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if (loader.loading()) {
                            response.setHeader("Retry-After", "5");
                            problems.write(
                                    response,
                                    Problems.of(
                                            HttpStatus.SERVICE_UNAVAILABLE,
                                            "DEMO_LOADING",
                                            "The demo is loading",
                                            "the demo programme is still loading; the service is ready when it is"));
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** A runner with its place in the start-up order. */
    private record OrderedRunner(ApplicationRunner runner, int order) implements ApplicationRunner, Ordered {
        @Override
        public void run(ApplicationArguments args) throws Exception {
            runner.run(args);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
