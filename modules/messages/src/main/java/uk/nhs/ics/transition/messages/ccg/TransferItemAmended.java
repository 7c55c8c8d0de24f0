package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** A live item was replaced with new details. */
@Revision("1")
public record TransferItemAmended(
        CcgCode ccgCode, TransferItemId itemId, IcsCode receivingIcs, TransferItemDetails details)
        implements CcgEvent {}
