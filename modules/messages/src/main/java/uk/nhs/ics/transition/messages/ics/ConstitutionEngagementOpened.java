package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Engagement on the constitution opened. */
@Revision("1")
public record ConstitutionEngagementOpened(IcsCode icsCode, int draftVersion, LocalDate openedOn) implements IcsEvent {}
