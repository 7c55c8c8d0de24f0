package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** A draft version of the constitution was recorded. */
@Revision("1")
public record ConstitutionDraftRecorded(IcsCode icsCode, int draftVersion, String documentReference, String summary)
        implements IcsEvent {}
