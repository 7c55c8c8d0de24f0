package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;

/** A programme manager completes a manual milestone with evidence and the date it was achieved. */
public record CompleteMilestone(
        @TargetAggregateIdentifier IcsCode icsCode,
        MilestoneCode milestone,
        LocalDate completedOn,
        List<Evidence> evidence,
        @TargetAggregateVersion Long expectedVersion) {

    public CompleteMilestone {
        Checks.required(icsCode, "icsCode");
        Checks.required(milestone, "milestone");
        Checks.required(completedOn, "completedOn");
        evidence = Checks.list(evidence, "evidence");
    }
}
