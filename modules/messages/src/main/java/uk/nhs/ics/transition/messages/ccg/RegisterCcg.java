package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Registers a CCG and opens its transfer scheme (reference data, at first start). */
public record RegisterCcg(
        @TargetAggregateIdentifier CcgCode ccgCode,
        String name,
        IcsCode icsCode,
        String onsCode,
        LocalDate establishmentDate) {

    public RegisterCcg {
        Checks.required(ccgCode, "ccgCode");
        name = Checks.text(name, "name", Checks.SHORT_TEXT);
        Checks.required(icsCode, "icsCode");
        onsCode = Checks.text(onsCode, "onsCode", Checks.SHORT_TEXT);
        Checks.required(establishmentDate, "establishmentDate");
    }
}
