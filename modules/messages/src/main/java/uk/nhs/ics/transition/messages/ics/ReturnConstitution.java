package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The regional team returns a submitted constitution with comments; it goes back to drafting. */
public record ReturnConstitution(
        @TargetAggregateIdentifier IcsCode icsCode,
        String comments,
        @TargetAggregateVersion Long expectedVersion) {

    public ReturnConstitution {
        Checks.required(icsCode, "icsCode");
        comments = Checks.text(comments, "comments", Checks.LONG_TEXT);
    }
}
