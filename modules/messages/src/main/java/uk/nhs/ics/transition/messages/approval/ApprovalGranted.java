package uk.nhs.ics.transition.messages.approval;

import org.axonframework.serialization.Revision;

/** A second person approved a request (who is in the metadata); the command it held is carried out beside it. */
@Revision("1")
public record ApprovalGranted(
        String approvalId,
        FourEyesAction action,
        String target,
        String icsCode,
        String ccgCode,
        String summary,
        String requestedBy)
        implements ApprovalEvent {}
