package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The regional team returned the constitution with comments; it is being drafted again. */
@Revision("1")
public record ConstitutionReturned(IcsCode icsCode, int draftVersion, String comments) implements IcsEvent {}
