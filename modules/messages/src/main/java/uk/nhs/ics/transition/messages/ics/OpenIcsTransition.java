package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RegionCode;

/** Opens an ICS's transition with the full milestone plan and an empty board (at first start). */
public record OpenIcsTransition(
        @TargetAggregateIdentifier IcsCode icsCode,
        String name,
        RegionCode regionCode,
        String onsCode,
        String icbName,
        List<CcgCode> predecessorCcgs,
        LocalDate establishmentDate) {

    public OpenIcsTransition {
        Checks.required(icsCode, "icsCode");
        name = Checks.text(name, "name", Checks.SHORT_TEXT);
        Checks.required(regionCode, "regionCode");
        onsCode = Checks.text(onsCode, "onsCode", Checks.SHORT_TEXT);
        icbName = Checks.text(icbName, "icbName", Checks.SHORT_TEXT);
        predecessorCcgs = List.copyOf(Checks.required(predecessorCcgs, "predecessorCcgs"));
        Checks.required(establishmentDate, "establishmentDate");
    }
}
