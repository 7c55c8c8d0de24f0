package uk.nhs.ics.transition.web.ics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.ConfirmDesignateAppointment;
import uk.nhs.ics.transition.messages.ics.MakeAppointmentSubstantive;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;
import uk.nhs.ics.transition.messages.ics.StartRecruitment;
import uk.nhs.ics.transition.messages.ics.WithdrawCandidate;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.board.BoardProjection;
import uk.nhs.ics.transition.projections.board.BoardQueries;
import uk.nhs.ics.transition.projections.board.BoardView;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.http.VersionedRead;
import uk.nhs.ics.transition.web.http.VersionedWrite;
import uk.nhs.ics.transition.web.http.WriteContext;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Requires;

/**
 * The board of an ICS NHS body. A role with several seats takes its seat number: {@code INDEPENDENT_NED-1}.
 */
@RestController
@RequestMapping("/api/v1/systems/{icsCode}/board")
@Tag(name = "Board")
public class BoardController {

    private final BoardQueries board;
    private final Reads reads;

    public BoardController(BoardQueries board, Reads reads) {
        this.board = board;
        this.reads = reads;
    }

    @GetMapping
    @Requires(value = Action.READ_ICS, target = "icsCode")
    @VersionedRead
    @Operation(
            operationId = "getBoard",
            description =
                    "Every seat of the ICS NHS body's board with its status (vacant, recruiting, preferred candidate, designate, substantive), holder and process; whether the minimum composition is met, and the gaps.",
            summary = "Every seat with its status, holder and process; whether the minimum is met, and the gaps")
    public ResponseEntity<BoardView> board(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            HttpServletRequest request) {
        AsOf knowledge = reads.asOf(asOf);
        if (knowledge.isNow()) {
            reads.awaitMinVersion(request, BoardProjection.NAME, icsCode);
        }
        BoardView view = Reads.found(board.board(icsCode, knowledge), "the ICS's board");
        return reads.versioned(request, view, view.version());
    }

    @PostMapping("/roles/{role}/recruitment")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "startRecruitment",
            description =
                    "Starts recruitment to a seat by the national process or local filling of posts. A seat of a role with several seats is numbered (`INDEPENDENT_NED-1`); naming a new number adds that seat.",
            summary = "Start recruitment to a seat (adds a numbered seat such as PLACE_LEADER-1 if new)")
    public ResponseEntity<?> recruitment(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(
                            description =
                                    "A board seat: a role (`CHAIR`, `CHIEF_EXECUTIVE`, ...), numbered where the role has several seats (`INDEPENDENT_NED-1`)")
                    @PathVariable
                    String role,
            @Valid @RequestBody BoardRequests.Recruitment body,
            WriteContext write) {
        return write.execute(
                new StartRecruitment(IcsCode.of(icsCode), BoardSeat.parse(role), body.process(), write.ifMatch()));
    }

    @PostMapping("/roles/{role}/candidate")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "namePreferredCandidate",
            description =
                    "Names the preferred candidate for a seat in recruitment, with any posts they hold elsewhere in the footprint (a conflict the rules weigh) and, for seats that need it, mental health expertise.",
            summary = "Name the preferred candidate for a seat in recruitment")
    public ResponseEntity<?> candidate(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(
                            description =
                                    "A board seat: a role (`CHAIR`, `CHIEF_EXECUTIVE`, ...), numbered where the role has several seats (`INDEPENDENT_NED-1`)")
                    @PathVariable
                    String role,
            @Valid @RequestBody BoardRequests.Candidate body,
            WriteContext write) {
        return write.execute(
                NamePreferredCandidate.class,
                () -> new NamePreferredCandidate(
                        IcsCode.of(icsCode),
                        BoardSeat.parse(role),
                        body.name(),
                        body.conflictingPosts(),
                        Boolean.TRUE.equals(body.mentalHealthExpertise()),
                        write.ifMatch()));
    }

    @PostMapping("/roles/{role}/confirm-designate")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "confirmDesignateAppointment",
            description =
                    "Confirms the preferred candidate as designate. The chair only after the Bill's second reading; the chief executive only after the chair; the other seats after the chief executive.",
            summary = "Confirm the preferred candidate as designate")
    public ResponseEntity<?> confirmDesignate(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(
                            description =
                                    "A board seat: a role (`CHAIR`, `CHIEF_EXECUTIVE`, ...), numbered where the role has several seats (`INDEPENDENT_NED-1`)")
                    @PathVariable
                    String role,
            WriteContext write) {
        return write.execute(
                new ConfirmDesignateAppointment(IcsCode.of(icsCode), BoardSeat.parse(role), write.ifMatch()));
    }

    @PostMapping("/roles/{role}/withdraw")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "withdrawCandidate",
            description =
                    "Withdraws the preferred candidate or designate, with the reason; the seat returns to recruiting.",
            summary = "Withdraw the preferred candidate or designate; the seat returns to recruiting")
    public ResponseEntity<?> withdraw(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(
                            description =
                                    "A board seat: a role (`CHAIR`, `CHIEF_EXECUTIVE`, ...), numbered where the role has several seats (`INDEPENDENT_NED-1`)")
                    @PathVariable
                    String role,
            @Valid @RequestBody BoardRequests.Withdrawal body,
            WriteContext write) {
        return write.execute(
                new WithdrawCandidate(IcsCode.of(icsCode), BoardSeat.parse(role), body.reason(), write.ifMatch()));
    }

    @PostMapping("/roles/{role}/make-substantive")
    @Requires(value = Action.RECORD_ICS_PROGRESS, target = "icsCode")
    @VersionedWrite
    @Operation(
            operationId = "makeAppointmentSubstantive",
            description =
                    "Makes a designate appointment substantive: only after Royal Assent and from the establishment date.",
            summary = "Make a designate appointment substantive (after Royal Assent, from the establishment date)")
    public ResponseEntity<?> makeSubstantive(
            @PathVariable
                    @Parameter(description = "An ICS code such as QH8", schema = @Schema(pattern = IcsCode.PATTERN))
                    String icsCode,
            @Parameter(
                            description =
                                    "A board seat: a role (`CHAIR`, `CHIEF_EXECUTIVE`, ...), numbered where the role has several seats (`INDEPENDENT_NED-1`)")
                    @PathVariable
                    String role,
            WriteContext write) {
        return write.execute(
                new MakeAppointmentSubstantive(IcsCode.of(icsCode), BoardSeat.parse(role), write.ifMatch()));
    }
}
