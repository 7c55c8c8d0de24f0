package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The regional team approves a submitted constitution. */
public record ApproveConstitution(
        @TargetAggregateIdentifier IcsCode icsCode,
        String comments,
        @TargetAggregateVersion Long expectedVersion) {

    public ApproveConstitution {
        Checks.required(icsCode, "icsCode");
        comments = Checks.optionalText(comments, "comments", Checks.LONG_TEXT);
    }
}
