package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Raises a due diligence item in one of the checklist's areas. */
public record RaiseDueDiligenceItem(
        @TargetAggregateIdentifier IcsCode icsCode,
        DueDiligenceArea area,
        String title,
        @TargetAggregateVersion Long expectedVersion) {

    public RaiseDueDiligenceItem {
        Checks.required(icsCode, "icsCode");
        Checks.required(area, "area");
        title = Checks.text(title, "title", Checks.SHORT_TEXT);
    }
}
