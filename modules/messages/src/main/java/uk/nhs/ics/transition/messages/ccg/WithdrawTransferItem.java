package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;

/** Withdraws a live item from a draft scheme. */
public record WithdrawTransferItem(
        @TargetAggregateIdentifier CcgCode ccgCode,
        TransferItemId itemId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public WithdrawTransferItem {
        Checks.required(ccgCode, "ccgCode");
        Checks.required(itemId, "itemId");
        reason = Checks.optionalText(reason, "reason", Checks.LONG_TEXT);
    }
}
