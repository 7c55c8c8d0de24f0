package uk.nhs.ics.transition.domain.ics;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.nhs.ics.transition.domain.Refusal;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.MilestoneKind;
import uk.nhs.ics.transition.messages.common.MilestoneStatus;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.ics.MilestoneCompleted;
import uk.nhs.ics.transition.messages.ics.MilestoneFlaggedAtRisk;
import uk.nhs.ics.transition.messages.ics.MilestoneReopened;
import uk.nhs.ics.transition.messages.ics.MilestoneRiskCleared;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;

/**
 * Where each milestone of one ICS stands, and the rules for moving a manual one by hand:
 * {@code NOT_STARTED → IN_PROGRESS → COMPLETE}, flagged {@code AT_RISK} (with a reason) while in progress, and
 * {@code COMPLETE → IN_PROGRESS} again when reopened (with a reason). Derived milestones move only by their facts.
 */
final class MilestonePlan {

    private final Map<MilestoneCode, MilestoneStatus> statuses = new EnumMap<>(MilestoneCode.class);

    MilestonePlan() {}

    MilestonePlan(List<MilestoneCode> plan) {
        plan.forEach(code -> statuses.put(code, MilestoneStatus.NOT_STARTED));
    }

    MilestoneStatus status(MilestoneCode milestone) {
        MilestoneStatus status = statuses.get(milestone);
        if (status == null) {
            throw Refusal.because(
                    ErrorCode.UNKNOWN_MILESTONE, "milestone", milestone + " is not in this ICS's milestone plan");
        }
        return status;
    }

    @EventSourcingHandler
    void on(MilestoneStarted event) {
        statuses.put(event.milestone(), MilestoneStatus.IN_PROGRESS);
    }

    @EventSourcingHandler
    void on(MilestoneFlaggedAtRisk event) {
        statuses.put(event.milestone(), MilestoneStatus.AT_RISK);
    }

    @EventSourcingHandler
    void on(MilestoneRiskCleared event) {
        statuses.put(event.milestone(), MilestoneStatus.IN_PROGRESS);
    }

    @EventSourcingHandler
    void on(MilestoneCompleted event) {
        statuses.put(event.milestone(), MilestoneStatus.COMPLETE);
    }

    @EventSourcingHandler
    void on(MilestoneReopened event) {
        statuses.put(event.milestone(), MilestoneStatus.IN_PROGRESS);
    }

    void checkStart(MilestoneCode milestone) {
        requireManual(milestone);
        if (status(milestone) != MilestoneStatus.NOT_STARTED) {
            throw transition(milestone, "started", "it is " + status(milestone));
        }
    }

    void checkFlagAtRisk(MilestoneCode milestone) {
        requireManual(milestone);
        MilestoneStatus status = status(milestone);
        if (status != MilestoneStatus.IN_PROGRESS && status != MilestoneStatus.AT_RISK) {
            throw transition(
                    milestone, "flagged at risk", "only a milestone in progress can be (it is " + status + ")");
        }
    }

    void checkClearRisk(MilestoneCode milestone) {
        requireManual(milestone);
        if (status(milestone) != MilestoneStatus.AT_RISK) {
            throw transition(milestone, "put back on track", "it is not flagged at risk");
        }
    }

    void checkComplete(MilestoneCode milestone, LocalDate completedOn, List<Evidence> evidence, LocalDate today) {
        requireManual(milestone);
        MilestoneStatus status = status(milestone);
        if (status != MilestoneStatus.IN_PROGRESS && status != MilestoneStatus.AT_RISK) {
            throw transition(milestone, "completed", "only a milestone in progress can be (it is " + status + ")");
        }
        if (evidence.isEmpty()) {
            throw Refusal.because(
                    ErrorCode.EVIDENCE_REQUIRED,
                    "evidence",
                    "completing a milestone needs at least one piece of evidence");
        }
        if (completedOn.isAfter(today)) {
            throw Refusal.because(
                    ErrorCode.DATE_IN_FUTURE, "completedOn", "completedOn " + completedOn + " is in the future");
        }
        if (completedOn.isBefore(Programme.START)) {
            throw Refusal.because(
                    ErrorCode.DATE_BEFORE_PROGRAMME,
                    "completedOn",
                    "completedOn " + completedOn + " is before the programme began on " + Programme.START);
        }
    }

    void checkReopen(MilestoneCode milestone) {
        requireManual(milestone);
        if (status(milestone) != MilestoneStatus.COMPLETE) {
            throw transition(
                    milestone, "reopened", "only a complete milestone can be (it is " + status(milestone) + ")");
        }
    }

    private void requireManual(MilestoneCode milestone) {
        status(milestone);
        if (milestone.kind() == MilestoneKind.DERIVED) {
            throw Refusal.because(
                    ErrorCode.DERIVED_MILESTONE,
                    milestone + " is derived: it completes itself when "
                            + milestone.completingFacts().orElseThrow() + "; it cannot be changed by hand");
        }
    }

    private static RuntimeException transition(MilestoneCode milestone, String verb, String why) {
        return Refusal.because(ErrorCode.INVALID_MILESTONE_TRANSITION, milestone + " cannot be " + verb + ": " + why);
    }
}
