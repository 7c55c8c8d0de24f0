package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The regional or national team adds an assurance comment on the ICS's readiness. */
public record AddAssuranceComment(
        @TargetAggregateIdentifier IcsCode icsCode,
        String comment,
        @TargetAggregateVersion Long expectedVersion) {

    public AddAssuranceComment {
        Checks.required(icsCode, "icsCode");
        comment = Checks.text(comment, "comment", Checks.LONG_TEXT);
    }
}
