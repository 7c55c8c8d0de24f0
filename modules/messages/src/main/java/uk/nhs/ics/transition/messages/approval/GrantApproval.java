package uk.nhs.ics.transition.messages.approval;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.Checks;

/** A second person approves a request; who travels in the metadata. The approved command is sent beside it. */
public record GrantApproval(@TargetAggregateIdentifier String approvalId) {

    public GrantApproval {
        Checks.required(approvalId, "approvalId");
    }
}
