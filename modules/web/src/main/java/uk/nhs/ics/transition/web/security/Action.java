package uk.nhs.ics.transition.web.security;

/**
 * What a request does, for the "who may do what" table of the domain specification. The target an action is about
 * (an ICS, a CCG, a region) is named by the request's path.
 */
public enum Action {
    /** Read an ICS's state and history: its programme managers, its regional team, national, auditors. */
    READ_ICS,
    /** Read a CCG's transfer scheme: as READ_ICS, for the CCG's ICS or any ICS it may send to. */
    READ_CCG,
    /** Read a region's readiness: its regional team, national, auditors. */
    READ_REGION,
    /** Read the nation's readiness and the national lists: national and auditors. */
    READ_NATIONAL,
    /** Read the organisations and the programme: anyone with a valid token. */
    READ_REFERENCE,
    /** Read the audit trail: auditors and the national team. */
    READ_AUDIT,
    /** Take an ICS's evidence pack: auditors, the national team, and the regional team of the ICS's region. */
    READ_EVIDENCE,
    /** Record progress on an ICS (milestones, board, due diligence, constitution drafting, MoU drafting). */
    RECORD_ICS_PROGRESS,
    /** Approve or return a constitution, agree an MoU, add an assurance comment: regional team or national. */
    OVERSEE_ICS,
    /** Record a CCG's transfer items, variations, effecting and abolition: the CCG's ICS's programme managers. */
    RECORD_TRANSFER,
    /** Agree a transfer scheme: for the CCG or a receiving ICS (the party decides which, in the controller). */
    AGREE_TRANSFER,
    /** Record legislative milestones and re-baseline: national only. */
    DIRECT_PROGRAMME,
    /** See projections and dead letters: national and auditors. */
    OBSERVE_OPERATIONS,
    /** Replay projections and retry dead letters: national only. */
    OPERATE
}
