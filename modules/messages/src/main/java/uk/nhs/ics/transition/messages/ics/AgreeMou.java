package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The regional team agrees the 2022/23 MoU. */
public record AgreeMou(
        @TargetAggregateIdentifier IcsCode icsCode,
        @TargetAggregateVersion Long expectedVersion) {

    public AgreeMou {
        Checks.required(icsCode, "icsCode");
    }
}
