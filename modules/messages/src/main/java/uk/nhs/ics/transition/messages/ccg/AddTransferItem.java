package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Adds an item to the transfer scheme; without a receiving ICS it goes to the CCG's own. */
public record AddTransferItem(
        @TargetAggregateIdentifier CcgCode ccgCode,
        TransferItemDetails details,
        IcsCode receivingIcs,
        @TargetAggregateVersion Long expectedVersion) {

    public AddTransferItem {
        Checks.required(ccgCode, "ccgCode");
        Checks.required(details, "details");
    }
}
