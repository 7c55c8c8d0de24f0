package uk.nhs.ics.transition.projections.board;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.domain.ics.BoardComposition;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.RecruitmentProcess;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.ProjectionPositions;
import uk.nhs.ics.transition.projections.Sql;
import uk.nhs.ics.transition.projections.TemporalTable;

/** Reads a board as the {@link BoardProjection} recorded it; the minimum composition is the domain's own rule. */
public class BoardQueries {

    private final JdbcClient jdbc;
    private final ProjectionPositions positions;

    public BoardQueries(JdbcClient jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    /** The board as known at the knowledge time; empty if the ICS was not opened by then. */
    public Optional<BoardView> board(String ics, AsOf asOf) {
        List<BoardView.Seat> seats = jdbc
                .sql("SELECT seat, role, status, holder, process, conflicting_posts,"
                        + " mental_health_expertise, confirmed_on, substantive_on FROM board_seat b"
                        + " WHERE b.ics_code = :ics AND " + TemporalTable.valid("b", asOf))
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new BoardView.Seat(
                        rs.getString(1),
                        rs.getString(2),
                        AppointmentStatus.valueOf(rs.getString(3)),
                        rs.getString(4),
                        Sql.code(RecruitmentProcess.class, rs.getString(5)),
                        Arrays.asList((String[]) rs.getArray(6).getArray()),
                        rs.getBoolean(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class),
                        BoardRole.valueOf(rs.getString(2)).minimumSeats() > 0))
                .list()
                .stream()
                .sorted((a, b) -> BoardSeat.parse(a.role()).compareTo(BoardSeat.parse(b.role())))
                .toList();
        if (seats.isEmpty()) {
            return Optional.empty();
        }
        List<String> gaps = BoardComposition.gaps(seats.stream()
                .map(seat -> new BoardComposition.SeatFacts(
                        BoardSeat.parse(seat.role()), seat.status(), seat.mentalHealthExpertise()))
                .toList());
        return Optional.of(new BoardView(
                ics,
                seats,
                gaps.isEmpty(),
                gaps,
                asOf.isNow() ? positions.version(BoardProjection.NAME, ics).orElse(null) : null));
    }
}
