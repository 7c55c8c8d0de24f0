package uk.nhs.ics.transition.messages.approval;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An action that needs a second person was asked for, and waits until the end of {@code decidableUntil} (a business
 * date, as every date the rules judge). {@code requestedBy} is the asker's {@code sub}: the rule that nobody approves
 * their own request needs it among the facts (their name and role are in the metadata).
 */
@Revision("1")
public record ApprovalRequested(
        String approvalId,
        FourEyesAction action,
        String subject,
        String target,
        String authority,
        String icsCode,
        String ccgCode,
        Long targetVersion,
        String commandType,
        String command,
        String summary,
        String reason,
        String requestedBy,
        LocalDate decidableUntil)
        implements ApprovalEvent {}
