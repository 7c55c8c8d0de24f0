package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The preferred candidate was confirmed as designate holder of a board seat. */
@Revision("1")
public record DesignateAppointmentConfirmed(IcsCode icsCode, BoardSeat seat, String holderName, LocalDate confirmedOn)
        implements IcsEvent {}
