package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The draft 2022/23 MoU was recorded. */
@Revision("1")
public record MouDrafted(IcsCode icsCode, String documentReference) implements IcsEvent {}
