package uk.nhs.ics.transition.projections.approval;

import java.time.Instant;
import java.time.LocalDate;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;

/**
 * A request for an action that needs a second person, and where it stands.
 *
 * @param approvalId its identifier
 * @param action what is asked for (a {@code FourEyesAction})
 * @param status PENDING, APPROVED, REJECTED, SUPERSEDED, or EXPIRED (pending past its expiry)
 * @param summary the request in words
 * @param reason why it was asked for, if given
 * @param target the aggregate (or read model) its command goes to
 * @param icsCode the ICS it is about, if any
 * @param ccgCode the CCG it is about, if any
 * @param targetVersion the target's version when it was asked for
 * @param command the exact command it carries out once approved (its type, then the command as JSON)
 * @param requestedBy who asked ({@code sub})
 * @param requestedByName their name
 * @param requestedRole the role they asked in
 * @param requestedScope the organisation that role was held for
 * @param requestedAt when
 * @param decidableUntil the last day it can be decided (a business date)
 * @param decidedBy who approved or rejected it
 * @param decidedByName their name
 * @param decidedRole the role they decided in
 * @param decidedAt when
 * @param decisionReason why it was rejected
 * @param supersededBy the later request that took its place
 * @param version the approval's version, for {@code ETag}
 */
public record ApprovalView(
        String approvalId,
        FourEyesAction action,
        Status status,
        String summary,
        String reason,
        String target,
        String icsCode,
        String ccgCode,
        Long targetVersion,
        Command command,
        String requestedBy,
        String requestedByName,
        String requestedRole,
        String requestedScope,
        Instant requestedAt,
        LocalDate decidableUntil,
        String decidedBy,
        String decidedByName,
        String decidedRole,
        Instant decidedAt,
        String decisionReason,
        String supersededBy,
        long version) {

    /**
     * Where an approval stands. {@code EXPIRED} is never stored: it is a pending request read after its last day.
     */
    public enum Status {
        PENDING,
        APPROVED,
        REJECTED,
        SUPERSEDED,
        EXPIRED
    }

    /** The exact command an approval carries out. */
    public record Command(String type, String json) {}
}
