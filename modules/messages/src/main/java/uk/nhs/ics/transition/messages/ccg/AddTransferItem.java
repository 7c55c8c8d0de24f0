package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/**
 * Adds an item to the transfer scheme; without a receiving ICS it goes to the CCG's own. The CCG's own reference is
 * optional here, and unique within the scheme when given.
 */
public record AddTransferItem(
        @TargetAggregateIdentifier CcgCode ccgCode,
        TransferItemDetails details,
        IcsCode receivingIcs,
        TransferItemReference reference,
        @TargetAggregateVersion Long expectedVersion) {

    public AddTransferItem {
        Checks.required(ccgCode, "ccgCode");
        Checks.required(details, "details");
    }

    /** An item without the CCG's own reference. */
    public AddTransferItem(CcgCode ccgCode, TransferItemDetails details, IcsCode receivingIcs, Long expectedVersion) {
        this(ccgCode, details, receivingIcs, null, expectedVersion);
    }
}
