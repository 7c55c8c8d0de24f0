package uk.nhs.ics.transition.messages.approval;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.Checks;

/** A second person rejects a request, saying why; who travels in the metadata. Nothing it asked for happens. */
public record RejectApproval(@TargetAggregateIdentifier String approvalId, String reason) {

    public RejectApproval {
        Checks.required(approvalId, "approvalId");
        reason = Checks.reason(reason);
    }
}
