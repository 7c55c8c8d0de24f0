package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.EstablishmentDateNoted;

/** The CCG learned the establishment date now in force. */
@Revision("1")
public record CcgEstablishmentDateNoted(CcgCode ccgCode, LocalDate establishmentDate)
        implements CcgEvent, EstablishmentDateNoted {}
