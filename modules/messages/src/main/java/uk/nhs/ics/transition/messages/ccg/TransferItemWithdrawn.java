package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;

/** A live item was withdrawn from the scheme. */
@Revision("1")
public record TransferItemWithdrawn(CcgCode ccgCode, TransferItemId itemId, String reason) implements CcgEvent {}
