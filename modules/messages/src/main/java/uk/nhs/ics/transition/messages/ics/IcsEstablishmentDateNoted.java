package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.EstablishmentDateNoted;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The ICS learned the establishment date now in force. */
@Revision("1")
public record IcsEstablishmentDateNoted(IcsCode icsCode, LocalDate establishmentDate)
        implements IcsEvent, EstablishmentDateNoted {}
