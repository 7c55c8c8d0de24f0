package uk.nhs.ics.transition.projections.reference;

import java.util.List;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;

/**
 * Who an ICS is: its codes, names and region, and the CCGs whose staff, assets, liabilities and contracts it
 * receives (its own, and any whose area partly moves into it).
 */
public record IcsIdentity(
        String code,
        String name,
        String regionCode,
        String regionName,
        String onsCode,
        String icbName,
        List<Predecessor> predecessorCcgs) {

    /** A predecessor CCG and the status of its transfer scheme. */
    public record Predecessor(String code, String name, String icsCode, SchemeStatus schemeStatus) {}
}
