package uk.nhs.ics.transition.messages.ics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Confirms the preferred candidate for a seat as the designate holder. */
public record ConfirmDesignateAppointment(
        @TargetAggregateIdentifier IcsCode icsCode,
        BoardSeat seat,
        @TargetAggregateVersion Long expectedVersion) {

    public ConfirmDesignateAppointment {
        Checks.required(icsCode, "icsCode");
        Checks.required(seat, "seat");
    }
}
