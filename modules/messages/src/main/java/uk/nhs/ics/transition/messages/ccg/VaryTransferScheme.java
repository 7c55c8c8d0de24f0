package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/**
 * Records a variation of an agreed scheme, with its reason: an item added, amended or withdrawn. An item added or
 * amended may carry the CCG's own reference.
 */
public record VaryTransferScheme(
        @TargetAggregateIdentifier CcgCode ccgCode,
        String reason,
        TransferItemId itemId,
        TransferItemDetails details,
        IcsCode receivingIcs,
        TransferItemReference reference,
        @TargetAggregateVersion Long expectedVersion) {

    public VaryTransferScheme {
        Checks.required(ccgCode, "ccgCode");
        reason = Checks.reason(reason);
    }

    /** A variation whose item has no reference of the CCG's own. */
    public VaryTransferScheme(
            CcgCode ccgCode,
            String reason,
            TransferItemId itemId,
            TransferItemDetails details,
            IcsCode receivingIcs,
            Long expectedVersion) {
        this(ccgCode, reason, itemId, details, receivingIcs, null, expectedVersion);
    }
}
