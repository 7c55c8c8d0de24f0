package uk.nhs.ics.transition.messages.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.Checks;

/** Opens the national programme with its first baseline (at first start). */
public record OpenProgramme(@TargetAggregateIdentifier String programmeId, Baseline baseline) {

    public OpenProgramme {
        Checks.required(programmeId, "programmeId");
        Checks.required(baseline, "baseline");
    }
}
