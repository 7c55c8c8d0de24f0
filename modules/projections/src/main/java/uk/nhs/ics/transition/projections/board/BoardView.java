package uk.nhs.ics.transition.projections.board;

import java.time.LocalDate;
import java.util.List;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.RecruitmentProcess;

/**
 * The board of an ICS NHS body.
 *
 * @param icsCode the ICS
 * @param roles every seat, in role order
 * @param meetsMinimum whether the minimum composition is met by designate or substantive holders
 * @param gaps the requirements not yet met (role codes, or {@code MENTAL_HEALTH_EXPERTISE})
 * @param version the ICS's version this view shows, for {@code ETag} (null for a read as of a past instant)
 */
public record BoardView(String icsCode, List<Seat> roles, boolean meetsMinimum, List<String> gaps, Long version) {

    /**
     * One seat.
     *
     * @param role the seat, e.g. {@code CHAIR} or {@code INDEPENDENT_NED-1}
     * @param roleType the role without its seat number
     * @param status VACANT, RECRUITING, PREFERRED_CANDIDATE, DESIGNATE_CONFIRMED or SUBSTANTIVE
     * @param holder the preferred candidate, designate or substantive holder
     * @param process NATIONAL or LOCAL, once recruitment has started
     * @param conflictingPosts posts the holder declared in other health or care organisations
     * @param mentalHealthExpertise whether the holder knows mental health services
     * @param confirmedOn when the designate appointment was confirmed
     * @param substantiveOn when it became substantive
     * @param countsTowardsMinimum whether the role counts towards the minimum composition
     */
    public record Seat(
            String role,
            String roleType,
            AppointmentStatus status,
            String holder,
            RecruitmentProcess process,
            List<String> conflictingPosts,
            boolean mentalHealthExpertise,
            LocalDate confirmedOn,
            LocalDate substantiveOn,
            boolean countsTowardsMinimum) {}
}
