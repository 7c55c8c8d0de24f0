package uk.nhs.ics.transition.projections.board;

import static uk.nhs.ics.transition.projections.TemporalTable.values;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.ics.AppointmentMadeSubstantive;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.CandidateWithdrawn;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.IcsEvent;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.ics.PreferredCandidateNamed;
import uk.nhs.ics.transition.messages.ics.RecruitmentStarted;
import uk.nhs.ics.transition.projections.PositionOnly;
import uk.nhs.ics.transition.projections.ReadModelReset;
import uk.nhs.ics.transition.projections.TemporalTable;

/** Folds the appointment events of every ICS into {@code board_seat}. */
@ProcessingGroup(BoardProjection.NAME)
public class BoardProjection {

    public static final String NAME = "board";

    /** Every table this projection writes. */
    public static final List<String> TABLES = List.of("board_seat");

    static final TemporalTable BOARD_SEAT = new TemporalTable(
            "board_seat",
            List.of("ics_code", "seat"),
            List.of(
                    "role",
                    "seat_number",
                    "status",
                    "process",
                    "holder",
                    "conflicting_posts",
                    "mental_health_expertise",
                    "confirmed_on",
                    "substantive_on"),
            Set.of());

    private final JdbcClient jdbc;

    public BoardProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IcsTransitionOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        for (BoardSeat seat : event.boardSeats()) {
            BOARD_SEAT.replace(
                    jdbc, key(event.icsCode(), seat), empty(seat, AppointmentStatus.VACANT, null), version, at);
        }
    }

    /** Recruitment starts on a vacant seat, or adds a seat; either way the seat's whole state is known. */
    @EventHandler
    void on(RecruitmentStarted event, @SequenceNumber long version, @Timestamp Instant at) {
        BOARD_SEAT.replace(
                jdbc,
                key(event.icsCode(), event.seat()),
                empty(
                        event.seat(),
                        AppointmentStatus.RECRUITING,
                        event.process().name()),
                version,
                at);
    }

    @EventHandler
    void on(PreferredCandidateNamed event, @SequenceNumber long version, @Timestamp Instant at) {
        BOARD_SEAT.amend(
                jdbc,
                key(event.icsCode(), event.seat()),
                values(
                        "status", AppointmentStatus.PREFERRED_CANDIDATE.name(),
                        "holder", event.candidateName(),
                        "conflicting_posts", event.conflictingPosts().toArray(String[]::new),
                        "mental_health_expertise", event.mentalHealthExpertise()),
                version,
                at);
    }

    @EventHandler
    void on(DesignateAppointmentConfirmed event, @SequenceNumber long version, @Timestamp Instant at) {
        BOARD_SEAT.amend(
                jdbc,
                key(event.icsCode(), event.seat()),
                values("status", AppointmentStatus.DESIGNATE_CONFIRMED.name(), "confirmed_on", event.confirmedOn()),
                version,
                at);
    }

    @EventHandler
    void on(CandidateWithdrawn event, @SequenceNumber long version, @Timestamp Instant at) {
        BOARD_SEAT.amend(
                jdbc,
                key(event.icsCode(), event.seat()),
                values(
                        "status",
                        AppointmentStatus.RECRUITING.name(),
                        "holder",
                        null,
                        "conflicting_posts",
                        new String[0],
                        "mental_health_expertise",
                        false,
                        "confirmed_on",
                        null),
                version,
                at);
    }

    @EventHandler
    void on(AppointmentMadeSubstantive event, @SequenceNumber long version, @Timestamp Instant at) {
        BOARD_SEAT.amend(
                jdbc,
                key(event.icsCode(), event.seat()),
                values("status", AppointmentStatus.SUBSTANTIVE.name(), "substantive_on", event.effectiveOn()),
                version,
                at);
    }

    /** Every other event of an ICS: the position moves on. */
    @EventHandler
    @PositionOnly
    void on(IcsEvent event) {
        // the position is recorded around every handled event (see ProjectionTransactions)
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(jdbc, NAME, TABLES);
    }

    private static Map<String, Object> key(IcsCode ics, BoardSeat seat) {
        return Map.of("ics_code", ics.value(), "seat", seat.toString());
    }

    private static Map<String, Object> empty(BoardSeat seat, AppointmentStatus status, String process) {
        return values(
                "role",
                seat.role().name(),
                "seat_number",
                seat.number(),
                "status",
                status.name(),
                "process",
                process,
                "holder",
                null,
                "conflicting_posts",
                new String[0],
                "mental_health_expertise",
                false,
                "confirmed_on",
                null,
                "substantive_on",
                null);
    }
}
