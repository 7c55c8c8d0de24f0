package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** A signatory signed due diligence off. */
@Revision("1")
public record DueDiligenceSignedOff(IcsCode icsCode, String signatory, SignOffCapacity capacity, CcgCode ccgCode)
        implements IcsEvent {}
