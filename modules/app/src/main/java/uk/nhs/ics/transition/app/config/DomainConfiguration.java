package uk.nhs.ics.transition.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.nhs.ics.transition.domain.reference.ReferenceData;

/** The write side's collaborators that are not aggregates: the reference data, and the relays between aggregates. */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    ReferenceData referenceData() {
        return ReferenceData.load();
    }
}
