package uk.nhs.ics.transition.messages.approval;

import org.axonframework.serialization.Revision;

/** A second person rejected a request, saying why (who is in the metadata); nothing it asked for happened. */
@Revision("1")
public record ApprovalRejected(
        String approvalId,
        FourEyesAction action,
        String target,
        String icsCode,
        String ccgCode,
        String summary,
        String requestedBy,
        String reason)
        implements ApprovalEvent {}
