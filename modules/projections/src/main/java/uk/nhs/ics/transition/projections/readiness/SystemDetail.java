package uk.nhs.ics.transition.projections.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.nhs.ics.transition.messages.ics.ConstitutionStatus;
import uk.nhs.ics.transition.messages.ics.MouStatus;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceView;
import uk.nhs.ics.transition.projections.reference.IcsIdentity;

/**
 * One ICS at a glance: who it is, how it is rated at the date, and where its board, due diligence and constitution
 * stand.
 *
 * @param identity codes, names, region and predecessor CCGs (with their schemes' status)
 * @param at the rating date
 * @param asOf the knowledge time, or null for now
 * @param rating its ratings per quarter and overall, and milestone counts
 * @param boardMeetsMinimum whether the board meets its minimum composition
 * @param boardGaps the requirements not yet met
 * @param dueDiligenceStatus NOT_STARTED, IN_PROGRESS or SIGNED_OFF
 * @param constitutionStatus where the constitution stands
 * @param mouStatus where the MoU stands
 */
public record SystemDetail(
        IcsIdentity identity,
        LocalDate at,
        Instant asOf,
        IcsRating rating,
        boolean boardMeetsMinimum,
        List<String> boardGaps,
        DueDiligenceView.Status dueDiligenceStatus,
        ConstitutionStatus constitutionStatus,
        MouStatus mouStatus) {}
