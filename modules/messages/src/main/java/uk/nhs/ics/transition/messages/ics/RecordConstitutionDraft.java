package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Records a new draft version of the constitution. */
public record RecordConstitutionDraft(
        @TargetAggregateIdentifier IcsCode icsCode,
        String documentReference,
        String summary,
        @TargetAggregateVersion Long expectedVersion) {

    public RecordConstitutionDraft {
        Checks.required(icsCode, "icsCode");
        documentReference = Checks.text(documentReference, "documentReference", Checks.SHORT_TEXT);
        summary = Checks.optionalText(summary, "summary", Checks.LONG_TEXT);
    }
}
