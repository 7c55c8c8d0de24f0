package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;

/** A variation of the agreed scheme was recorded; the item change follows it. */
@Revision("1")
public record TransferSchemeVaried(CcgCode ccgCode, int variationNumber, String reason) implements CcgEvent {}
