package uk.nhs.ics.transition.projections.constitution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.nhs.ics.transition.messages.ics.BoardGap;
import uk.nhs.ics.transition.messages.ics.ConstitutionStatus;
import uk.nhs.ics.transition.messages.ics.MouStatus;

/**
 * An ICS NHS body's constitution and MoU, and the assurance comments on the ICS.
 *
 * @param icsCode the ICS
 * @param status DRAFTING, ENGAGEMENT_OPEN, ENGAGEMENT_CLOSED, SUBMITTED or APPROVED
 * @param currentDraftVersion the latest draft's number (0 before the first)
 * @param versions every draft recorded
 * @param engagementOpenedOn when engagement on the current draft opened
 * @param engagementClosedOn when it closed
 * @param submission the latest submission, if any
 * @param decision the regional team's latest decision, if any
 * @param mou the 2022/23 MoU
 * @param assuranceComments comments by the regional or national team
 * @param version the ICS's version this view shows, for {@code ETag}
 */
public record ConstitutionView(
        String icsCode,
        ConstitutionStatus status,
        int currentDraftVersion,
        List<Draft> versions,
        LocalDate engagementOpenedOn,
        LocalDate engagementClosedOn,
        Submission submission,
        Decision decision,
        Mou mou,
        List<Comment> assuranceComments,
        Long version) {

    public record Draft(int draftVersion, String documentReference, String summary, Instant recordedAt) {}

    public record Submission(LocalDate submittedOn, List<BoardGap> gaps) {}

    /** The regional team's decision on a submitted constitution. */
    public record Decision(Verdict decision, String comments, LocalDate decidedOn) {

        /** Approved, or returned to the ICS to draft again. */
        public enum Verdict {
            APPROVED,
            RETURNED
        }
    }

    public record Mou(MouStatus status, String documentReference, LocalDate agreedOn) {}

    public record Comment(int number, String comment, String author, String authorRole, Instant recordedAt) {}
}
