package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Makes a designate appointment substantive once the ICS NHS body is established. */
public record MakeAppointmentSubstantive(
        @TargetAggregateIdentifier IcsCode icsCode,
        BoardSeat seat,
        @TargetAggregateVersion Long expectedVersion) {

    public MakeAppointmentSubstantive {
        Checks.required(icsCode, "icsCode");
        Checks.required(seat, "seat");
    }
}
