package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** A due diligence item was raised in an area. */
@Revision("1")
public record DueDiligenceItemRaised(IcsCode icsCode, DueDiligenceItemId itemId, DueDiligenceArea area, String title)
        implements IcsEvent {}
