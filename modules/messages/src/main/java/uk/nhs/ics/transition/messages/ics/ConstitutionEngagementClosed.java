package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Engagement on the constitution closed. */
@Revision("1")
public record ConstitutionEngagementClosed(IcsCode icsCode, int draftVersion, LocalDate closedOn) implements IcsEvent {}
