package uk.nhs.ics.transition.messages.common;

import java.time.LocalDate;

/**
 * An aggregate learned that the Bill reached a stage. The ICS and the CCG each record it as an event of their own
 * (their events are told apart by type in the store and the audit trail); what they learned is the same, and the
 * legislative gate of either reads it through this.
 */
public interface LegislativeStageNoted {

    LegislativeMilestone milestone();

    LocalDate occurredOn();
}
