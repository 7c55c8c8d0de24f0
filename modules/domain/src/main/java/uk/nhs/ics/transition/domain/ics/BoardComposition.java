package uk.nhs.ics.transition.domain.ics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.BoardGap;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;

/**
 * The minimum composition of the unitary board of an ICS NHS body: one chair, at least two independent
 * non-executives besides the chair, a chief executive, finance director, director of nursing and medical director,
 * and at least one partner member from trusts, general practice and local authorities, each held by a designate
 * (or, after establishment, substantive) appointee; and at least one member with knowledge and experience of
 * mental health services. Place leaders and other members do not count.
 */
public final class BoardComposition {

    /** What the rule needs to know of one seat. */
    public record SeatFacts(BoardSeat seat, AppointmentStatus status, boolean mentalHealthExpertise) {}

    private BoardComposition() {}

    /** The ten seats every board starts with: one per required holder of the minimum composition. */
    static List<BoardSeat> minimumSeats() {
        List<BoardSeat> seats = new ArrayList<>();
        for (BoardRole role : BoardRole.values()) {
            if (role.multiSeat()) {
                for (int n = 1; n <= role.minimumSeats(); n++) {
                    seats.add(BoardSeat.numbered(role, n));
                }
            } else if (role.minimumSeats() > 0) {
                seats.add(BoardSeat.single(role));
            }
        }
        return List.copyOf(seats);
    }

    static boolean meetsMinimum(Map<BoardSeat, Board.Seat> seats) {
        return gaps(seats).isEmpty();
    }

    static List<String> gaps(Map<BoardSeat, Board.Seat> seats) {
        return gaps(seats.entrySet().stream()
                .map(e -> new SeatFacts(
                        e.getKey(), e.getValue().status(), e.getValue().mentalHealthExpertise()))
                .toList());
    }

    /**
     * Each unmet requirement, named by its role (or {@link BoardGap#MENTAL_HEALTH_EXPERTISE}), in role order. A
     * constitution submitted before the board is complete must name each of these with a plan.
     */
    public static List<String> gaps(Collection<SeatFacts> seats) {
        List<String> gaps = new ArrayList<>();
        for (BoardRole role : BoardRole.values()) {
            if (role.minimumSeats() == 0) {
                continue;
            }
            long filled = seats.stream()
                    .filter(seat -> seat.seat().role() == role && seat.status().isFilled())
                    .count();
            if (filled < role.minimumSeats()) {
                gaps.add(role.name());
            }
        }
        boolean mentalHealth =
                seats.stream().anyMatch(seat -> seat.status().isFilled() && seat.mentalHealthExpertise());
        if (!mentalHealth) {
            gaps.add(BoardGap.MENTAL_HEALTH_EXPERTISE);
        }
        return List.copyOf(gaps);
    }
}
