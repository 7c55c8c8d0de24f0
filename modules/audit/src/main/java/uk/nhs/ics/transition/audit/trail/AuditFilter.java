package uk.nhs.ics.transition.audit.trail;

import java.time.Instant;

/**
 * Which part of the trail to read; every criterion is optional.
 *
 * @param ics events concerning this ICS (its own and its CCGs')
 * @param ccg events of this CCG
 * @param type events of this type
 * @param actor changes made by this person ({@code system} for the service)
 * @param from recorded at or after
 * @param to recorded before
 */
public record AuditFilter(String ics, String ccg, String type, String actor, Instant from, Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);
}
