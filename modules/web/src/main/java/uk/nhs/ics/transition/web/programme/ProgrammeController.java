package uk.nhs.ics.transition.web.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.messages.programme.Rebaseline;
import uk.nhs.ics.transition.messages.programme.RecordLegislativeMilestone;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.programme.ProgrammeProjection;
import uk.nhs.ics.transition.projections.programme.ProgrammeQueries;
import uk.nhs.ics.transition.projections.programme.ProgrammeView;
import uk.nhs.ics.transition.web.approval.AwaitsSecondPerson;
import uk.nhs.ics.transition.web.approval.FourEyes;
import uk.nhs.ics.transition.web.http.Reads;
import uk.nhs.ics.transition.web.http.VersionedRead;
import uk.nhs.ics.transition.web.http.VersionedWrite;
import uk.nhs.ics.transition.web.http.WriteContext;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Grant;
import uk.nhs.ics.transition.web.security.Requires;

/** The national programme; the national team records the Bill's stages and re-baselines. */
@RestController
@RequestMapping("/api/v1/programme")
@Tag(name = "Programme")
public class ProgrammeController {

    /** A stage of the Bill and the day it happened. */
    @Schema(example = "{\"milestone\": \"SECOND_READING\", \"occurredOn\": \"2021-07-14\"}")
    public record LegislativeMilestoneRequest(
            @NotNull LegislativeMilestone milestone,
            @NotNull LocalDate occurredOn) {}

    /** A re-baseline: what moves, from when, and why. Quarter ends and due dates not named keep their value. */
    @Schema(
            example =
                    "{\"decidedOn\": \"2021-12-24\", \"establishmentDate\": \"2022-07-01\", \"quarterEnds\": {\"Q4\": \"2022-06-30\"}, \"milestoneDueDates\": {\"Q4-SYSTEMS-READY\": \"2022-06-15\"}, \"reason\": \"The Bill's remaining stages: establishment moves to 1 July 2022\"}")
    public record RebaselineRequest(
            @NotNull LocalDate decidedOn,
            LocalDate establishmentDate,
            @Size(max = 4) Map<String, LocalDate> quarterEnds,
            @Size(max = 40) Map<String, LocalDate> milestoneDueDates,
            @NotBlank @Size(max = Checks.LONG_TEXT) String reason) {}

    private final ProgrammeQueries programme;
    private final Reads reads;
    private final FourEyes fourEyes;

    public ProgrammeController(ProgrammeQueries programme, Reads reads, FourEyes fourEyes) {
        this.programme = programme;
        this.reads = reads;
        this.fourEyes = fourEyes;
    }

    @GetMapping
    @Requires(Action.READ_REFERENCE)
    @VersionedRead
    @Operation(
            operationId = "getProgramme",
            description =
                    "The baseline in force on `at`: quarter ends, the establishment date and each milestone's due date; the Bill's stages recorded so far; and every baseline with the decision and reason that made it.",
            summary = "The baseline in force on a date, the legislative milestones and the baseline history")
    public ResponseEntity<ProgrammeView> programme(
            @Parameter(description = Reads.AT)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate at,
            @Parameter(description = Reads.AS_OF)
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            HttpServletRequest request) {
        AsOf knowledge = reads.asOf(asOf);
        if (knowledge.isNow()) {
            reads.awaitMinVersion(request, ProgrammeProjection.NAME, Programme.ID);
        }
        ProgrammeView view = programme.programme(reads.at(at), knowledge);
        return reads.versioned(request, view, view.version());
    }

    @PostMapping("/legislative-milestones")
    @Requires(Action.DIRECT_PROGRAMME)
    @VersionedWrite
    @Operation(
            operationId = "recordLegislativeMilestone",
            description =
                    "Records a stage of the Health and Care Bill on the day it happened: `INTRODUCED`, `SECOND_READING`, `THIRD_READING`, `ROYAL_ASSENT`, in that order and not before the stage before it. Rules that wait for a stage (designate chairs after the second reading, transfers after Royal Assent) follow it.",
            summary = "Record a stage of the Bill, in order, on the day it happened")
    public ResponseEntity<?> recordLegislativeMilestone(
            @Valid @RequestBody LegislativeMilestoneRequest body, WriteContext write) {
        return write.execute(
                new RecordLegislativeMilestone(Programme.ID, body.milestone(), body.occurredOn(), write.ifMatch()));
    }

    @PostMapping("/rebaseline")
    @Requires(Action.DIRECT_PROGRAMME)
    @VersionedWrite
    @AwaitsSecondPerson
    @Operation(
            operationId = "rebaselineProgramme",
            description =
                    "Moves quarter ends, milestone due dates and the establishment date from the decision date on, with the reason. Whatever is not named keeps its value; a milestone due at a moved quarter end moves with it. A re-baseline that changes nothing, or takes effect before the one in force, is refused. Its second person (four eyes): another of the national team.",
            summary = "Move quarter ends, due dates and the establishment date from the decision date")
    public ResponseEntity<?> rebaseline(
            @Valid @RequestBody RebaselineRequest body, Caller caller, Grant grant, HttpServletRequest request) {
        Map<Quarter, LocalDate> quarterEnds = new EnumMap<>(Quarter.class);
        if (body.quarterEnds() != null) {
            body.quarterEnds()
                    .forEach((quarter, end) ->
                            quarterEnds.put(quarter(quarter), required(end, "quarterEnds." + quarter)));
        }
        Map<MilestoneCode, LocalDate> dueDates = new EnumMap<>(MilestoneCode.class);
        if (body.milestoneDueDates() != null) {
            body.milestoneDueDates()
                    .forEach((code, due) -> dueDates.put(
                            MilestoneCode.find(code)
                                    .orElseThrow(() -> RuleViolation.invalid(
                                            "milestoneDueDates." + code, "no milestone has this code")),
                            required(due, "milestoneDueDates." + code)));
        }
        return fourEyes.write(
                request,
                caller,
                grant,
                new FourEyes.Ask(
                        FourEyesAction.REBASELINE,
                        Programme.ID,
                        null,
                        null,
                        null,
                        null,
                        "re-baseline the programme from " + body.decidedOn()
                                + (body.establishmentDate() == null
                                        ? ""
                                        : " (establishment " + body.establishmentDate() + ")")
                                + ": " + body.reason(),
                        body.reason(),
                        version -> new Rebaseline(
                                Programme.ID,
                                body.decidedOn(),
                                body.establishmentDate(),
                                quarterEnds,
                                dueDates,
                                body.reason(),
                                version)));
    }

    private static Quarter quarter(String name) {
        try {
            Quarter quarter = Quarter.valueOf(name);
            if (quarter.isFinancialQuarter()) {
                return quarter;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw RuleViolation.invalid("quarterEnds." + name, "quarters are Q1, Q2, Q3 and Q4");
    }

    private static LocalDate required(LocalDate date, String field) {
        if (date == null) {
            throw RuleViolation.invalid(field, field + " needs a date");
        }
        return date;
    }
}
