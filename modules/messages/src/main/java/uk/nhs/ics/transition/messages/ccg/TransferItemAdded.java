package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/**
 * An item was added to the scheme, for the receiving ICS named.
 *
 * @param reference the CCG's own reference of the item; {@code null} when it has none (and in events stored before
 *     references existed)
 */
@Revision("1")
public record TransferItemAdded(
        CcgCode ccgCode,
        TransferItemId itemId,
        IcsCode receivingIcs,
        TransferItemDetails details,
        TransferItemReference reference)
        implements CcgEvent {

    /** An item without the CCG's own reference. */
    public TransferItemAdded(
            CcgCode ccgCode, TransferItemId itemId, IcsCode receivingIcs, TransferItemDetails details) {
        this(ccgCode, itemId, receivingIcs, details, null);
    }
}
