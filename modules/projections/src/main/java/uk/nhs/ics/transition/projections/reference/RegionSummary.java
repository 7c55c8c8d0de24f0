package uk.nhs.ics.transition.projections.reference;

/** A region and how many ICSs it has. */
public record RegionSummary(String code, String name, int icsCount) {}
