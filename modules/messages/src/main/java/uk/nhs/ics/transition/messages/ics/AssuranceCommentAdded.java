package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** An assurance comment was added. */
@Revision("1")
public record AssuranceCommentAdded(IcsCode icsCode, int commentNumber, String comment) implements IcsEvent {}
