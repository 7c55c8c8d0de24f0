package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** A candidate or designate withdrew or was withdrawn; the seat is recruiting again. */
@Revision("1")
public record CandidateWithdrawn(
        IcsCode icsCode, BoardSeat seat, String candidateName, AppointmentStatus previousStatus, String reason)
        implements IcsEvent {}
