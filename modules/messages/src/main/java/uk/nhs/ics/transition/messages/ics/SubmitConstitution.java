package uk.nhs.ics.transition.messages.ics;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Submits the constitution for approval, naming each board gap with a plan if the board does not yet meet its minimum. */
public record SubmitConstitution(
        @TargetAggregateIdentifier IcsCode icsCode,
        List<BoardGap> gaps,
        @TargetAggregateVersion Long expectedVersion) {

    public SubmitConstitution {
        Checks.required(icsCode, "icsCode");
        gaps = Checks.list(gaps, "gaps");
    }
}
