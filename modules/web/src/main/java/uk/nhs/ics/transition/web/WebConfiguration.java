package uk.nhs.ics.transition.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.nhs.ics.transition.web.problem.ProblemResponses;
import uk.nhs.ics.transition.web.security.CallerArgumentResolver;

/** The web layer's infrastructure: request ids and size limits ahead of security, and the caller as a parameter. */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${ics.web.max-request-size:1MB}") DataSize maxRequestSize, ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(maxRequestSize.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
