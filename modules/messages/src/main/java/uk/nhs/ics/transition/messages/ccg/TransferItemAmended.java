package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/**
 * A live item was replaced with new details.
 *
 * @param reference the CCG's own reference of the item from now on; {@code null} when it has none (and in events
 *     stored before references existed)
 */
@Revision("1")
public record TransferItemAmended(
        CcgCode ccgCode,
        TransferItemId itemId,
        IcsCode receivingIcs,
        TransferItemDetails details,
        TransferItemReference reference)
        implements CcgEvent {

    /** An amendment that leaves the item without the CCG's own reference. */
    public TransferItemAmended(
            CcgCode ccgCode, TransferItemId itemId, IcsCode receivingIcs, TransferItemDetails details) {
        this(ccgCode, itemId, receivingIcs, details, null);
    }
}
