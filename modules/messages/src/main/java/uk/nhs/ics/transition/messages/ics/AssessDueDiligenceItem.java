package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Assesses a due diligence item: assured, or an issue with its risk and mitigation. */
public record AssessDueDiligenceItem(
        @TargetAggregateIdentifier IcsCode icsCode,
        DueDiligenceItemId itemId,
        AssessmentOutcome outcome,
        RiskRating risk,
        String mitigation,
        @TargetAggregateVersion Long expectedVersion) {

    public AssessDueDiligenceItem {
        Checks.required(icsCode, "icsCode");
        Checks.required(itemId, "itemId");
        Checks.required(outcome, "outcome");
        mitigation = Checks.optionalText(mitigation, "mitigation", Checks.LONG_TEXT);
    }
}
