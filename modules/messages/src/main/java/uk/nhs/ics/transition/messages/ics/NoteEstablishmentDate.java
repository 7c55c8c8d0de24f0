package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Tells an ICS the establishment date now in force (relayed from a re-baseline). */
public record NoteEstablishmentDate(
        @TargetAggregateIdentifier IcsCode icsCode, LocalDate establishmentDate) {

    public NoteEstablishmentDate {
        Checks.required(icsCode, "icsCode");
        Checks.required(establishmentDate, "establishmentDate");
    }
}
