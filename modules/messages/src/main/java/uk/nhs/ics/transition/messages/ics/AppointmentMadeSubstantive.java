package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** A designate appointment became substantive. */
@Revision("1")
public record AppointmentMadeSubstantive(IcsCode icsCode, BoardSeat seat, String holderName, LocalDate effectiveOn)
        implements IcsEvent {}
