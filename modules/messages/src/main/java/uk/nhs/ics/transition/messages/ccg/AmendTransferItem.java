package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Replaces a live item of a draft scheme with new details. */
public record AmendTransferItem(
        @TargetAggregateIdentifier CcgCode ccgCode,
        TransferItemId itemId,
        TransferItemDetails details,
        IcsCode receivingIcs,
        @TargetAggregateVersion Long expectedVersion) {

    public AmendTransferItem {
        Checks.required(ccgCode, "ccgCode");
        Checks.required(itemId, "itemId");
        Checks.required(details, "details");
    }
}
