package uk.nhs.ics.transition.messages.approval;

import org.axonframework.serialization.Revision;

/** A later request for the same thing took a pending request's place. */
@Revision("1")
public record ApprovalSuperseded(
        String approvalId,
        FourEyesAction action,
        String target,
        String icsCode,
        String ccgCode,
        String summary,
        String supersededBy)
        implements ApprovalEvent {}
