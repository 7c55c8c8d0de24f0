package uk.nhs.ics.transition.projections.reference;

/** An ICS with its region. */
public record IcsSummary(String code, String name, String regionCode, String regionName) {}
