package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/**
 * Replaces a live item of a draft scheme with new details. The whole item is given again, the CCG's reference
 * included: an amendment without one leaves the item without one.
 */
public record AmendTransferItem(
        @TargetAggregateIdentifier CcgCode ccgCode,
        TransferItemId itemId,
        TransferItemDetails details,
        IcsCode receivingIcs,
        TransferItemReference reference,
        @TargetAggregateVersion Long expectedVersion) {

    public AmendTransferItem {
        Checks.required(ccgCode, "ccgCode");
        Checks.required(itemId, "itemId");
        Checks.required(details, "details");
    }

    /** An amendment that leaves the item without the CCG's own reference. */
    public AmendTransferItem(
            CcgCode ccgCode,
            TransferItemId itemId,
            TransferItemDetails details,
            IcsCode receivingIcs,
            Long expectedVersion) {
        this(ccgCode, itemId, details, receivingIcs, null, expectedVersion);
    }
}
