package uk.nhs.ics.transition.app.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.domain.relay.BoardRelay;
import uk.nhs.ics.transition.domain.relay.LegislationRelay;
import uk.nhs.ics.transition.domain.relay.TransferRelay;

/** The write side's collaborators that are not aggregates: the reference data, and the relays between aggregates. */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    /** The processing group of the relays (see {@code uk.nhs.ics.transition.domain.relay}). */
    public static final String RELAYS = "relays";

    @Bean
    ReferenceData referenceData() {
        return ReferenceData.load();
    }

    @Bean
    LegislationRelay legislationRelay(CommandGateway commands, ReferenceData referenceData) {
        return new LegislationRelay(commands, referenceData);
    }

    @Bean
    TransferRelay transferRelay(CommandGateway commands, ReferenceData referenceData) {
        return new TransferRelay(commands, referenceData);
    }

    @Bean
    BoardRelay boardRelay(CommandGateway commands, ReferenceData referenceData) {
        return new BoardRelay(commands, referenceData);
    }

    /**
     * A relay that fails must not skip its event, or an aggregate would never learn a fact: the failure propagates,
     * the batch rolls back (the relayed commands' events with it) and the processor retries it with back-off. The
     * relayed commands are idempotent, so a retry repeats nothing.
     */
    @Bean
    ConfigurerModule relaysRetryUntilDelivered() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(RELAYS, c -> PropagatingErrorHandler.instance());
    }
}
