package uk.nhs.ics.transition.domain.ccg;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.nhs.ics.transition.messages.ccg.BoundaryChangeRegistered;
import uk.nhs.ics.transition.messages.ccg.CcgRegistered;
import uk.nhs.ics.transition.messages.ccg.RegisterBoundaryChange;
import uk.nhs.ics.transition.messages.ccg.RegisterCcg;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/** One CCG and its transfer scheme to the receiving ICS NHS bodies. */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class CcgTransfer {

    @AggregateIdentifier
    private CcgCode ccgCode;

    private IcsCode ownIcs;
    private final Set<IcsCode> allowedReceivers = new LinkedHashSet<>();

    protected CcgTransfer() {
        // for event sourcing
    }

    @CommandHandler
    CcgTransfer(RegisterCcg command) {
        apply(new CcgRegistered(
                command.ccgCode(), command.name(), command.icsCode(), command.onsCode(), command.establishmentDate()));
    }

    /** Registering the same boundary change again changes nothing, so reference data can be loaded repeatedly. */
    @CommandHandler
    void handle(RegisterBoundaryChange command) {
        if (!command.fromIcs().equals(ownIcs)) {
            throw new RuleViolation(
                    ErrorCode.INVALID_INPUT,
                    "fromIcs",
                    ccgCode + " belongs to " + ownIcs + ", not " + command.fromIcs());
        }
        if (allowedReceivers.contains(command.toIcs())) {
            return;
        }
        apply(new BoundaryChangeRegistered(
                command.ccgCode(),
                command.fromIcs(),
                command.toIcs(),
                command.area(),
                command.lsoaCount(),
                command.effectiveDate()));
    }

    @EventSourcingHandler
    void on(CcgRegistered event) {
        ccgCode = event.ccgCode();
        ownIcs = event.icsCode();
        allowedReceivers.add(event.icsCode());
    }

    @EventSourcingHandler
    void on(BoundaryChangeRegistered event) {
        allowedReceivers.add(event.toIcs());
    }
}
