package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;

/** Tells a CCG the establishment date now in force (relayed from a re-baseline). */
public record NoteCcgEstablishmentDate(
        @TargetAggregateIdentifier CcgCode ccgCode, LocalDate establishmentDate) {

    public NoteCcgEstablishmentDate {
        Checks.required(ccgCode, "ccgCode");
        Checks.required(establishmentDate, "establishmentDate");
    }
}
