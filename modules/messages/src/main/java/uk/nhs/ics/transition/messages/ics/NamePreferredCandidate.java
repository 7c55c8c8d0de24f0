package uk.nhs.ics.transition.messages.ics;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Names the preferred candidate for a seat in recruitment, with any conflicting posts they hold. */
public record NamePreferredCandidate(
        @TargetAggregateIdentifier IcsCode icsCode,
        BoardSeat seat,
        String candidateName,
        List<String> conflictingPosts,
        boolean mentalHealthExpertise,
        @TargetAggregateVersion Long expectedVersion) {

    public NamePreferredCandidate {
        Checks.required(icsCode, "icsCode");
        Checks.required(seat, "seat");
        candidateName = Checks.text(candidateName, "candidateName", Checks.SHORT_TEXT);
        conflictingPosts = Checks.list(conflictingPosts, "conflictingPosts").stream()
                .map(p -> Checks.text(p, "conflictingPosts", Checks.SHORT_TEXT))
                .toList();
    }
}
