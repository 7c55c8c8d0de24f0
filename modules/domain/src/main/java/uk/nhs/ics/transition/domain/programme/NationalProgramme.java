package uk.nhs.ics.transition.domain.programme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.nhs.ics.transition.domain.Refusal;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.programme.LegislativeMilestoneRecorded;
import uk.nhs.ics.transition.messages.programme.OpenProgramme;
import uk.nhs.ics.transition.messages.programme.ProgrammeOpened;
import uk.nhs.ics.transition.messages.programme.ProgrammeRebaselined;
import uk.nhs.ics.transition.messages.programme.Rebaseline;
import uk.nhs.ics.transition.messages.programme.RecordLegislativeMilestone;

/**
 * The national programme: the Bill's progress through Parliament, recorded in order and never ahead of the day, and
 * the baselines of the timetable. A re-baseline takes effect from its decision date; the earlier baselines stay in
 * the history, so a rating for an earlier date still uses the baseline in force then.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class NationalProgramme {

    @AggregateIdentifier
    private String programmeId;

    private Baseline baseline;
    private LocalDate baselineDecidedOn;
    private int baselineNumber;
    private final Map<LegislativeMilestone, LocalDate> legislation = new EnumMap<>(LegislativeMilestone.class);

    protected NationalProgramme() {
        // for event sourcing
    }

    /**
     * Opens the programme. A creation handler rather than a constructor, so that {@link #answerWithVersion} answers
     * it too: Axon answers a constructor's command with the bare identifier.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    Object handle(OpenProgramme command) {
        apply(new ProgrammeOpened(command.programmeId(), command.baseline()));
        return null;
    }

    /** Every command is answered with the aggregate's version once handled. */
    @CommandHandlerInterceptor
    Object answerWithVersion(InterceptorChain chain) throws Exception {
        Object answer = chain.proceed();
        return CommandOutcome.of(AggregateLifecycle.getVersion(), answer);
    }

    @CommandHandler
    void handle(RecordLegislativeMilestone command, Clock clock) {
        LegislativeMilestone milestone = command.milestone();
        LocalDate occurredOn = command.occurredOn();
        if (legislation.containsKey(milestone)) {
            throw Refusal.because(
                    ErrorCode.LEGISLATIVE_ORDER_VIOLATION,
                    "milestone",
                    milestone + " was already recorded (on " + legislation.get(milestone) + ")");
        }
        LegislativeMilestone predecessor = milestone.predecessor();
        if (predecessor != null && !legislation.containsKey(predecessor)) {
            throw Refusal.because(
                    ErrorCode.LEGISLATIVE_ORDER_VIOLATION,
                    "milestone",
                    milestone + " cannot be recorded before " + predecessor);
        }
        if (occurredOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.because(
                    ErrorCode.DATE_IN_FUTURE, "occurredOn", "occurredOn " + occurredOn + " is in the future");
        }
        if (occurredOn.isBefore(Programme.START)) {
            throw Refusal.because(
                    ErrorCode.DATE_BEFORE_PROGRAMME,
                    "occurredOn",
                    "occurredOn " + occurredOn + " is before the programme began on " + Programme.START);
        }
        if (predecessor != null && occurredOn.isBefore(legislation.get(predecessor))) {
            throw Refusal.because(
                    ErrorCode.LEGISLATIVE_ORDER_VIOLATION,
                    "occurredOn",
                    milestone + " cannot have happened before " + predecessor + " (" + legislation.get(predecessor)
                            + ")");
        }
        apply(new LegislativeMilestoneRecorded(programmeId, milestone, occurredOn));
    }

    /**
     * Moves quarter ends, due dates and the establishment date from the decision date on. Whatever is not named
     * keeps its value; a milestone due at a moved quarter end moves with it.
     */
    @CommandHandler
    void handle(Rebaseline command) {
        LocalDate decidedOn = command.decidedOn();
        if (decidedOn.isBefore(Programme.START)) {
            throw Refusal.because(
                    ErrorCode.BASELINE_INVALID,
                    "decidedOn",
                    "a re-baseline cannot take effect before the programme began");
        }
        if (baselineDecidedOn != null && decidedOn.isBefore(baselineDecidedOn)) {
            throw Refusal.because(
                    ErrorCode.BASELINE_INVALID,
                    "decidedOn",
                    "a re-baseline cannot take effect before the one in force (decided " + baselineDecidedOn + ")");
        }
        Baseline moved =
                baseline.rebaselined(command.quarterEnds(), command.establishmentDate(), command.milestoneDueDates());
        if (moved.equals(baseline)) {
            throw Refusal.because(ErrorCode.BASELINE_INVALID, "the re-baseline changes nothing");
        }
        if (moved.establishmentDate().isBefore(decidedOn)) {
            throw Refusal.because(
                    ErrorCode.BASELINE_INVALID,
                    "establishmentDate",
                    "the establishment date cannot be before the decision takes effect");
        }
        apply(new ProgrammeRebaselined(
                programmeId, baselineNumber + 1, decidedOn, moved, baseline.establishmentDate(), command.reason()));
    }

    @EventSourcingHandler
    void on(ProgrammeOpened event) {
        programmeId = event.programmeId();
        baseline = event.baseline();
    }

    @EventSourcingHandler
    void on(LegislativeMilestoneRecorded event) {
        legislation.put(event.milestone(), event.occurredOn());
    }

    @EventSourcingHandler
    void on(ProgrammeRebaselined event) {
        baseline = event.baseline();
        baselineDecidedOn = event.decidedOn();
        baselineNumber = event.baselineNumber();
    }
}
