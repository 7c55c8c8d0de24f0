package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** A CCG was registered with its ICS, and its transfer scheme opened. */
@Revision("1")
public record CcgRegistered(CcgCode ccgCode, String name, IcsCode icsCode, String onsCode, LocalDate establishmentDate)
        implements CcgEvent {}
