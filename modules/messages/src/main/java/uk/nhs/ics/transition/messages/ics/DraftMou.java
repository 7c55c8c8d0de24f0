package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Records the draft 2022/23 MoU. */
public record DraftMou(
        @TargetAggregateIdentifier IcsCode icsCode,
        String documentReference,
        @TargetAggregateVersion Long expectedVersion) {

    public DraftMou {
        Checks.required(icsCode, "icsCode");
        documentReference = Checks.text(documentReference, "documentReference", Checks.SHORT_TEXT);
    }
}
