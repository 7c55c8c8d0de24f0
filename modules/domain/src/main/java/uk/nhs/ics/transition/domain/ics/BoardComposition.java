package uk.nhs.ics.transition.domain.ics;

import java.util.ArrayList;
import java.util.List;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;

/** The minimum composition of the unitary board of an ICS NHS body. */
final class BoardComposition {

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
}
