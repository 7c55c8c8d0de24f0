package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** An item was added to the scheme, for the receiving ICS named. */
@Revision("1")
public record TransferItemAdded(
        CcgCode ccgCode, TransferItemId itemId, IcsCode receivingIcs, TransferItemDetails details)
        implements CcgEvent {}
