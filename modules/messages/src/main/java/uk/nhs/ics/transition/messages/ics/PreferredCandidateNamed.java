package uk.nhs.ics.transition.messages.ics;

import java.util.List;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** A preferred candidate was named for a board seat. */
@Revision("1")
public record PreferredCandidateNamed(
        IcsCode icsCode,
        BoardSeat seat,
        String candidateName,
        List<String> conflictingPosts,
        boolean mentalHealthExpertise)
        implements IcsEvent {

    public PreferredCandidateNamed {
        conflictingPosts = conflictingPosts == null ? List.of() : List.copyOf(conflictingPosts);
    }
}
