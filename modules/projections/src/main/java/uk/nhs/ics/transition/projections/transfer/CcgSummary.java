package uk.nhs.ics.transition.projections.transfer;

/** A CCG with its ICS and the status of its transfer scheme. */
public record CcgSummary(String code, String name, String icsCode, String schemeStatus, String abolishedOn) {}
