package uk.nhs.ics.transition.messages.approval;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * Someone asks for an action that needs a second person: the request waits, with the exact command it will carry
 * out, until another person approves or rejects it, a later request for the same thing supersedes it, or it expires.
 * Who asks travels in the metadata, as for every change.
 *
 * @param approvalId the new approval's identifier
 * @param action what is asked for
 * @param subject what it is asked for, as one key: a later request with the same subject supersedes this one
 * @param target the aggregate (or, for an operation, the read model) the command goes to
 * @param authority the organisation whose people may approve it (an ICS code), or {@code null} for the national team
 * @param icsCode the ICS it is about, if any
 * @param ccgCode the CCG it is about, if any
 * @param targetVersion the target's version when asked: if it has changed by the approval, the approval is refused
 * @param commandType the command's type (its class name)
 * @param command the command, serialised as it will be sent
 * @param summary the request in words, for the people deciding it
 * @param reason why it is asked for, if given
 * @param lifetimeDays for how many days after today it can be decided (it expires at the end of the last)
 */
public record RequestApproval(
        @TargetAggregateIdentifier String approvalId,
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
        int lifetimeDays) {

    public RequestApproval {
        Checks.required(approvalId, "approvalId");
        Checks.required(action, "action");
        Checks.required(subject, "subject");
        Checks.required(target, "target");
        Checks.required(commandType, "commandType");
        Checks.required(command, "command");
        summary = Checks.text(summary, "summary", Checks.LONG_TEXT);
        reason = Checks.optionalText(reason, "reason", Checks.LONG_TEXT);
        if (lifetimeDays < 1) {
            throw RuleViolation.invalid("lifetimeDays", "an approval must wait for a day at least");
        }
    }
}
