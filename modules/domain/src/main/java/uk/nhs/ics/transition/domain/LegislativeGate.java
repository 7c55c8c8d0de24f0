package uk.nhs.ics.transition.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.EstablishmentDateNoted;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.LegislativeStageNoted;

/**
 * What the law allows so far, as one aggregate has learned it: which stages of the Bill have happened, and the
 * establishment date in force. The programme must not act as though the law is already made:
 *
 * <ul>
 *   <li>no designate chair or chief executive before the second reading;
 *   <li>no substantive appointment, no transfer effected and no CCG abolished before Royal Assent and the
 *       establishment date.
 * </ul>
 *
 * <p>A member of the ICS and CCG aggregates: it learns from their events of what the Bill did itself.
 */
public final class LegislativeGate {

    private final Map<LegislativeMilestone, LocalDate> stages = new EnumMap<>(LegislativeMilestone.class);
    private LocalDate establishmentDate;

    /** For snapshots. */
    LegislativeGate() {}

    public LegislativeGate(LocalDate establishmentDate) {
        this.establishmentDate = establishmentDate;
    }

    public boolean knows(LegislativeMilestone stage) {
        return stages.containsKey(stage);
    }

    public LocalDate establishmentDate() {
        return establishmentDate;
    }

    @EventSourcingHandler
    void on(LegislativeStageNoted event) {
        stages.put(event.milestone(), event.occurredOn());
    }

    @EventSourcingHandler
    void on(EstablishmentDateNoted event) {
        establishmentDate = event.establishmentDate();
    }

    /** Refuses unless the Bill has had its second reading. */
    public void requireSecondReading(String what) {
        if (!knows(LegislativeMilestone.SECOND_READING)) {
            throw Refusal.because(
                    ErrorCode.LEGISLATIVE_GATE_CLOSED,
                    what + " is not possible before the Bill's second reading has been recorded");
        }
    }

    /** Refuses unless the Bill has Royal Assent and the establishment date has arrived. */
    public void requireEstablishment(String what, LocalDate today) {
        if (!knows(LegislativeMilestone.ROYAL_ASSENT)) {
            throw Refusal.because(
                    ErrorCode.LEGISLATIVE_GATE_CLOSED, what + " is not possible before Royal Assent has been recorded");
        }
        if (today.isBefore(establishmentDate)) {
            throw Refusal.because(
                    ErrorCode.LEGISLATIVE_GATE_CLOSED,
                    what + " is not possible before the establishment date (" + establishmentDate + ")");
        }
    }
}
