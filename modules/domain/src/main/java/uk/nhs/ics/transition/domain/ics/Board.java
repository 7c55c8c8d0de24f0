package uk.nhs.ics.transition.domain.ics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.nhs.ics.transition.domain.PersonNames;
import uk.nhs.ics.transition.domain.Refusal;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.ics.AppointmentMadeSubstantive;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.CandidateWithdrawn;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.PreferredCandidateNamed;
import uk.nhs.ics.transition.messages.ics.RecruitmentProcess;
import uk.nhs.ics.transition.messages.ics.RecruitmentStarted;

/**
 * The board of one ICS NHS body, seat by seat, and the rules of appointing to it. Each seat goes
 * {@code VACANT → RECRUITING → PREFERRED_CANDIDATE → DESIGNATE_CONFIRMED → SUBSTANTIVE}; a candidate can withdraw
 * at any point before {@code SUBSTANTIVE}, which returns the seat to {@code RECRUITING}.
 */
final class Board {

    /** One seat: where its appointment stands, how it is recruited, and who (if anyone) is named for it. */
    record Seat(
            AppointmentStatus status,
            RecruitmentProcess process,
            String person,
            List<String> conflictingPosts,
            boolean mentalHealthExpertise) {

        static final Seat VACANT = new Seat(AppointmentStatus.VACANT, null, null, List.of(), false);

        Seat {
            conflictingPosts = conflictingPosts == null ? List.of() : List.copyOf(conflictingPosts);
        }

        Seat withStatus(AppointmentStatus newStatus) {
            return new Seat(newStatus, process, person, conflictingPosts, mentalHealthExpertise);
        }
    }

    private final Map<BoardSeat, Seat> seats = new TreeMap<>();

    Board() {}

    Board(List<BoardSeat> initialSeats) {
        initialSeats.forEach(seat -> seats.put(seat, Seat.VACANT));
    }

    Seat seat(BoardSeat seat) {
        Seat state = seats.get(seat);
        if (state == null) {
            throw Refusal.because(ErrorCode.UNKNOWN_BOARD_SEAT, "role", "the board has no seat " + seat);
        }
        return state;
    }

    Optional<Seat> find(BoardSeat seat) {
        return Optional.ofNullable(seats.get(seat));
    }

    @EventSourcingHandler
    void on(RecruitmentStarted event) {
        seats.put(event.seat(), recruiting(event.process()));
    }

    @EventSourcingHandler
    void on(PreferredCandidateNamed event) {
        seats.put(
                event.seat(),
                new Seat(
                        AppointmentStatus.PREFERRED_CANDIDATE,
                        seat(event.seat()).process(),
                        event.candidateName(),
                        event.conflictingPosts(),
                        event.mentalHealthExpertise()));
    }

    @EventSourcingHandler
    void on(DesignateAppointmentConfirmed event) {
        seats.put(event.seat(), seat(event.seat()).withStatus(AppointmentStatus.DESIGNATE_CONFIRMED));
    }

    /** The seat goes back to recruitment by the same process. */
    @EventSourcingHandler
    void on(CandidateWithdrawn event) {
        seats.put(event.seat(), recruiting(seat(event.seat()).process()));
    }

    @EventSourcingHandler
    void on(AppointmentMadeSubstantive event) {
        seats.put(event.seat(), seat(event.seat()).withStatus(AppointmentStatus.SUBSTANTIVE));
    }

    private static Seat recruiting(RecruitmentProcess process) {
        return new Seat(AppointmentStatus.RECRUITING, process, null, List.of(), false);
    }

    Map<BoardSeat, Seat> seats() {
        return seats;
    }

    /** Recruitment may start on a vacant seat, or add the next numbered seat of a multi-seat role. */
    void checkStartRecruitment(BoardSeat seat, RecruitmentProcess process) {
        Seat state = seats.get(seat);
        if (state == null) {
            boolean previousExists =
                    seat.number() == 1 || seats.containsKey(BoardSeat.numbered(seat.role(), seat.number() - 1));
            if (!seat.role().multiSeat() || !previousExists) {
                throw Refusal.because(
                        ErrorCode.SEAT_NOT_ADDABLE,
                        "role",
                        seat + " cannot be added: seats of a role are numbered without gaps from 1");
            }
        } else if (state.status() != AppointmentStatus.VACANT) {
            throw Refusal.because(
                    ErrorCode.INVALID_APPOINTMENT_TRANSITION,
                    "recruitment to " + seat + " has already started (it is " + state.status() + ")");
        }
        if (process != seat.role().process()) {
            throw Refusal.because(
                    ErrorCode.WRONG_RECRUITMENT_PROCESS,
                    "process",
                    seat.role() + " is recruited by the " + seat.role().process() + " process, not " + process);
        }
    }

    /** A candidate may be named for a seat in recruitment, if independent where required and on no other seat. */
    void checkNameCandidate(BoardSeat seat, String person, List<String> conflictingPosts) {
        Seat state = seat(seat);
        if (state.status() != AppointmentStatus.RECRUITING) {
            throw Refusal.because(
                    ErrorCode.INVALID_APPOINTMENT_TRANSITION,
                    "a candidate can be named only for a seat in recruitment; " + seat + " is " + state.status());
        }
        if (seat.role().mustBeIndependent() && !conflictingPosts.isEmpty()) {
            throw Refusal.because(
                    ErrorCode.CONFLICT_OF_INTEREST,
                    "conflictingPosts",
                    seat.role() + " must be independent: a declared post in another health or care organisation ("
                            + String.join(", ", conflictingPosts) + ") makes " + person + " ineligible");
        }
        seats.forEach((other, otherState) -> {
            if (!other.equals(seat) && otherState.person() != null && PersonNames.same(otherState.person(), person)) {
                throw Refusal.because(
                        ErrorCode.PERSON_ALREADY_ON_BOARD,
                        "candidateName",
                        person + " is already named for " + other + ": one person cannot hold two board roles");
            }
        });
    }

    /** Only a preferred candidate can be confirmed as designate. */
    void checkConfirmable(BoardSeat seat) {
        Seat state = seat(seat);
        if (state.status() != AppointmentStatus.PREFERRED_CANDIDATE) {
            throw Refusal.because(
                    ErrorCode.INVALID_APPOINTMENT_TRANSITION,
                    "only a preferred candidate can be confirmed; " + seat + " is " + state.status());
        }
    }

    /**
     * The chief executive is appointed by the chair, and the executive directors by the chief executive, so neither
     * can be confirmed designate first.
     */
    void checkAppointmentOrder(BoardSeat seat) {
        BoardRole role = seat.role();
        if (role == BoardRole.CHIEF_EXECUTIVE && !isFilled(BoardRole.CHAIR)) {
            throw Refusal.because(
                    ErrorCode.BOARD_ORDER_VIOLATION,
                    "the chief executive is appointed by the chair: confirm a designate CHAIR first");
        }
        if (isExecutiveDirector(role) && !isFilled(BoardRole.CHIEF_EXECUTIVE)) {
            throw Refusal.because(
                    ErrorCode.BOARD_ORDER_VIOLATION,
                    "executive directors are appointed by the chief executive: confirm a designate CHIEF_EXECUTIVE first");
        }
    }

    void checkWithdraw(BoardSeat seat) {
        Seat state = seat(seat);
        if (state.status() != AppointmentStatus.PREFERRED_CANDIDATE
                && state.status() != AppointmentStatus.DESIGNATE_CONFIRMED) {
            throw Refusal.because(
                    ErrorCode.INVALID_APPOINTMENT_TRANSITION,
                    "only a preferred candidate or designate can be withdrawn; " + seat + " is " + state.status());
        }
    }

    void checkMakeSubstantive(BoardSeat seat) {
        Seat state = seat(seat);
        if (state.status() != AppointmentStatus.DESIGNATE_CONFIRMED) {
            throw Refusal.because(
                    ErrorCode.INVALID_APPOINTMENT_TRANSITION,
                    "only a designate appointment can become substantive; " + seat + " is " + state.status());
        }
    }

    /** Whether some seat of the role has a designate or substantive holder. */
    boolean isFilled(BoardRole role) {
        return seats.entrySet().stream()
                .anyMatch(
                        e -> e.getKey().role() == role && e.getValue().status().isFilled());
    }

    /** Whether recruitment has started for the role's seats (none of them is vacant, and it has one). */
    boolean isRecruitmentStarted(BoardRole role) {
        return seats.entrySet().stream().anyMatch(e -> e.getKey().role() == role)
                && seats.entrySet().stream()
                        .filter(e -> e.getKey().role() == role)
                        .noneMatch(e -> e.getValue().status() == AppointmentStatus.VACANT);
    }

    boolean hasVacantSeat() {
        return seats.values().stream().anyMatch(s -> s.status() == AppointmentStatus.VACANT);
    }

    boolean anyFilled() {
        return seats.values().stream().anyMatch(s -> s.status().isFilled());
    }

    long countNotVacant() {
        return seats.values().stream()
                .filter(s -> s.status() != AppointmentStatus.VACANT)
                .count();
    }

    /** The designate (or substantive) chief executive's name, if there is one. */
    Optional<String> chiefExecutive() {
        Seat ceo = seats.get(BoardSeat.single(BoardRole.CHIEF_EXECUTIVE));
        return ceo != null && ceo.status().isFilled() ? Optional.of(ceo.person()) : Optional.empty();
    }

    /** The minimum-composition requirements not yet met by designate or substantive holders. */
    List<String> gaps() {
        return BoardComposition.gaps(seats);
    }

    boolean meetsMinimum() {
        return BoardComposition.meetsMinimum(seats);
    }

    private static boolean isExecutiveDirector(BoardRole role) {
        return role == BoardRole.FINANCE_DIRECTOR
                || role == BoardRole.MEDICAL_DIRECTOR
                || role == BoardRole.DIRECTOR_OF_NURSING;
    }
}
