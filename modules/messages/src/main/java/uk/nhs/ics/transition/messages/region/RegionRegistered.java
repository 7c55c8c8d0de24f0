package uk.nhs.ics.transition.messages.region;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.RegionCode;

/** A region was registered. */
@Revision("1")
public record RegionRegistered(RegionCode regionCode, String name) {}
