package uk.nhs.ics.transition.app.reference;

import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.ccg.RegisterBoundaryChange;
import uk.nhs.ics.transition.messages.ccg.RegisterCcg;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.ics.OpenIcsTransition;
import uk.nhs.ics.transition.messages.programme.OpenProgramme;
import uk.nhs.ics.transition.messages.region.RegisterRegion;

/**
 * Registers the reference data by command when the service starts: the national programme with its first baseline,
 * then each region, ICS (with its full milestone plan) and CCG, then each boundary change. Whatever is already
 * registered is skipped, so a second start registers nothing new. The service reports ready only afterwards.
 */
@Component
@Order(0)
public class ReferenceDataRegistrar implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataRegistrar.class);

    private final ReferenceData referenceData;
    private final CommandGateway commands;
    private final EventStore eventStore;

    public ReferenceDataRegistrar(ReferenceData referenceData, CommandGateway commands, EventStore eventStore) {
        this.referenceData = referenceData;
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> metadata = Map.of(
                MetadataKeys.ACTOR,
                MetadataKeys.SYSTEM_ACTOR,
                MetadataKeys.ACTOR_NAME,
                "ics-transition start-up (reference data)",
                MetadataKeys.ACTOR_ROLE,
                MetadataKeys.SYSTEM_ROLE,
                MetadataKeys.CORRELATION_ID,
                "startup-" + UUID.randomUUID());
        int registered = 0;
        if (isNew(Programme.ID)) {
            send(new OpenProgramme(Programme.ID, Programme.JUNE_2021_BASELINE), metadata);
            registered++;
        }
        for (ReferenceData.Region region : referenceData.regions()) {
            if (isNew(region.code().value())) {
                send(new RegisterRegion(region.code(), region.name()), metadata);
                registered++;
            }
        }
        for (ReferenceData.Ics ics : referenceData.systems()) {
            if (isNew(ics.code().value())) {
                send(
                        new OpenIcsTransition(
                                ics.code(),
                                ics.name(),
                                ics.region(),
                                ics.onsCode(),
                                ics.icbName(),
                                referenceData.predecessorsOf(ics.code()),
                                Programme.JUNE_2021_BASELINE.establishmentDate()),
                        metadata);
                registered++;
            }
        }
        for (ReferenceData.Ccg ccg : referenceData.ccgs()) {
            if (isNew(ccg.code().value())) {
                send(
                        new RegisterCcg(
                                ccg.code(),
                                ccg.name(),
                                ccg.ics(),
                                ccg.onsCode(),
                                Programme.JUNE_2021_BASELINE.establishmentDate()),
                        metadata);
                registered++;
            }
        }
        for (ReferenceData.BoundaryChange change : referenceData.boundaryChanges()) {
            // the scheme ignores a boundary change it already knows
            send(
                    new RegisterBoundaryChange(
                            change.ccg(),
                            change.fromIcs(),
                            change.toIcs(),
                            change.area(),
                            change.lsoaCount(),
                            change.effectiveDate()),
                    metadata);
        }
        log.info(
                "Reference data: {} registrations made; {} regions, {} ICSs, {} CCGs, {} boundary changes known",
                registered,
                referenceData.regions().size(),
                referenceData.systems().size(),
                referenceData.ccgs().size(),
                referenceData.boundaryChanges().size());
    }

    private boolean isNew(String aggregateIdentifier) {
        return eventStore.lastSequenceNumberFor(aggregateIdentifier).isEmpty();
    }

    private void send(Object command, Map<String, String> metadata) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }
}
