package uk.nhs.ics.transition.web.security;

/** The roles a token's {@code roles} claim may grant. */
public enum Role {
    /** Records progress for the ICSs named in the token's {@code ics} claim (and their CCGs). */
    PROGRAMME_MANAGER,
    /** Reads everything in the regions of the token's {@code regions} claim; approves, returns, agrees there. */
    REGIONAL_OVERSIGHT,
    /** What regional teams may do, nationally; records legislative milestones; re-baselines; runs replays. */
    NATIONAL_PROGRAMME,
    /** Reads everything, including the audit trail and history as of any date; changes nothing. */
    AUDITOR
}
