package uk.nhs.ics.transition.messages.approval;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.Checks;

/** A later request for the same thing takes a pending request's place; the earlier one can no longer be decided. */
public record SupersedeApproval(@TargetAggregateIdentifier String approvalId, String supersededBy) {

    public SupersedeApproval {
        Checks.required(approvalId, "approvalId");
        Checks.required(supersededBy, "supersededBy");
    }
}
