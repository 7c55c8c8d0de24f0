package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Withdraws the preferred candidate or designate of a seat, which returns to recruiting. */
public record WithdrawCandidate(
        @TargetAggregateIdentifier IcsCode icsCode,
        BoardSeat seat,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public WithdrawCandidate {
        Checks.required(icsCode, "icsCode");
        Checks.required(seat, "seat");
        reason = Checks.reason(reason);
    }
}
