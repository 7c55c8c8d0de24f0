package uk.nhs.ics.transition.projections.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The programme as it stood: the baseline in force on the rating date, the Bill's stages, and every baseline.
 *
 * @param at the date the baseline in force was chosen for
 * @param baselineNumber the baseline in force
 * @param decidedOn when it took effect
 * @param quarterEnds the last day of each quarter
 * @param establishmentDate the establishment date in force
 * @param milestoneDueDates every milestone's due date under it
 * @param legislativeMilestones the Bill's stages recorded so far
 * @param baselineHistory every baseline, oldest first
 * @param version the programme's version, for {@code ETag}
 */
public record ProgrammeView(
        LocalDate at,
        int baselineNumber,
        LocalDate decidedOn,
        Map<String, LocalDate> quarterEnds,
        LocalDate establishmentDate,
        Map<String, LocalDate> milestoneDueDates,
        List<LegislativeMilestoneView> legislativeMilestones,
        List<BaselineHistoryEntry> baselineHistory,
        Long version) {

    /** A stage of the Bill. */
    public record LegislativeMilestoneView(String milestone, LocalDate occurredOn) {}

    /** One baseline in the history. */
    public record BaselineHistoryEntry(
            int baselineNumber,
            LocalDate decidedOn,
            LocalDate establishmentDate,
            Map<String, LocalDate> quarterEnds,
            Map<String, LocalDate> milestoneDueDateOverrides,
            String reason,
            java.time.Instant recordedAt) {}
}
