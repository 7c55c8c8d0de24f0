package uk.nhs.ics.transition.projections.transfer;

import uk.nhs.ics.transition.messages.ccg.SchemeStatus;

/** A CCG with its ICS and the status of its transfer scheme. */
public record CcgSummary(String code, String name, String icsCode, SchemeStatus schemeStatus, String abolishedOn) {}
