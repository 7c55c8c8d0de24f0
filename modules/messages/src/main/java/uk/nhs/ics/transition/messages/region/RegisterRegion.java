package uk.nhs.ics.transition.messages.region;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.RegionCode;

/** Registers one of the seven NHS England regions (reference data, at first start). */
public record RegisterRegion(@TargetAggregateIdentifier RegionCode regionCode, String name) {

    public RegisterRegion {
        Checks.required(regionCode, "regionCode");
        name = Checks.text(name, "name", Checks.SHORT_TEXT);
    }
}
