package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Starts recruitment to a board seat by the process the framework prescribes; numbered seats beyond the minimum are added this way. */
public record StartRecruitment(
        @TargetAggregateIdentifier IcsCode icsCode,
        BoardSeat seat,
        RecruitmentProcess process,
        @TargetAggregateVersion Long expectedVersion) {

    public StartRecruitment {
        Checks.required(icsCode, "icsCode");
        Checks.required(seat, "seat");
        Checks.required(process, "process");
    }
}
