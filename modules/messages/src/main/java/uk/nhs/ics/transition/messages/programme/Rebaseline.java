package uk.nhs.ics.transition.messages.programme;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Quarter;

/** Moves quarter ends, due dates and the establishment date from the day the decision takes effect (national team). What is not named keeps its value. */
public record Rebaseline(
        @TargetAggregateIdentifier String programmeId,
        LocalDate decidedOn,
        LocalDate establishmentDate,
        Map<Quarter, LocalDate> quarterEnds,
        Map<MilestoneCode, LocalDate> milestoneDueDates,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public Rebaseline {
        Checks.required(programmeId, "programmeId");
        Checks.required(decidedOn, "decidedOn");
        quarterEnds = quarterEnds == null ? Map.of() : Map.copyOf(quarterEnds);
        milestoneDueDates = milestoneDueDates == null ? Map.of() : Map.copyOf(milestoneDueDates);
        reason = Checks.reason(reason);
    }
}
