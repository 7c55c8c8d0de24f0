package uk.nhs.ics.transition.messages.common;

import uk.nhs.ics.transition.messages.ccg.RegisterImportPlan;

/**
 * What a handled command answers: the aggregate's version once the change is stored, and the identifier of
 * anything the command created (a due diligence item, a transfer item), if it created one.
 *
 * @param version the sequence number of the aggregate's last event, as the {@code ETag} shows it
 * @param createdId the identifier the aggregate gave a new member, or {@code null}
 * @param importPlan what a register import did or would do row by row, or {@code null} for any other command
 */
public record CommandOutcome(long version, String createdId, RegisterImportPlan importPlan) {

    public CommandOutcome(long version, String createdId) {
        this(version, createdId, null);
    }

    /**
     * The answer to a command whose handler returned {@code answer}: an identifier it created, a register import's
     * plan, or nothing to add.
     */
    public static CommandOutcome of(long version, Object answer) {
        if (answer instanceof RegisterImportPlan plan) {
            return new CommandOutcome(version, null, plan);
        }
        return new CommandOutcome(version, answer instanceof String id ? id : null);
    }
}
