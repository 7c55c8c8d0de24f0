package uk.nhs.ics.transition.web.security;

/**
 * Why a request is allowed: the role that allows it and the organisation it was used for. The command sent for it
 * records both, so the audit trail shows in which capacity each change was made.
 *
 * @param role the role
 * @param scope the ICS or region code the role was held for, or {@code null} for a national role
 */
public record Grant(Role role, String scope) {}
