package uk.nhs.ics.transition.web.security;

/**
 * What a request does, for the "who may do what" table of the domain specification. The target an action is about
 * (an ICS, a CCG, a region) is named by the request's path.
 */
public enum Action {
    /** Read an ICS's state and history: its programme managers, its regional team, national, auditors. */
    READ_ICS("the ICS's programme managers, its region's oversight team, the national team and auditors"),
    /** Read a CCG's transfer scheme: as READ_ICS, for the CCG's ICS or any ICS it may send to. */
    READ_CCG(
            "the programme managers and regional teams of the CCG's ICS or of an ICS it sends to, the national team and auditors"),
    /** Read a region's readiness: its regional team, national, auditors. */
    READ_REGION("the region's oversight team, the national team and auditors"),
    /** Read the nation's readiness and the national lists: national and auditors. */
    READ_NATIONAL("the national team and auditors"),
    /** Read the organisations and the programme: anyone with a valid token. */
    READ_REFERENCE("anyone with a valid token (ratings only of the ICSs the caller may read)"),
    /** Read the audit trail: auditors and the national team. */
    READ_AUDIT("auditors and the national team"),
    /** Take an ICS's evidence pack: auditors, the national team, and the regional team of the ICS's region. */
    READ_EVIDENCE("auditors, the national team and the regional oversight team of the ICS's region"),
    /** Record progress on an ICS (milestones, board, due diligence, constitution drafting, MoU drafting). */
    RECORD_ICS_PROGRESS("the ICS's programme managers"),
    /** Approve or return a constitution, agree an MoU, add an assurance comment: regional team or national. */
    OVERSEE_ICS("the ICS's regional oversight team and the national team"),
    /** Record a CCG's transfer items, variations, effecting and abolition: the CCG's ICS's programme managers. */
    RECORD_TRANSFER("the programme managers of the CCG's ICS"),
    /** Agree a transfer scheme: for the CCG or a receiving ICS (the party decides which, in the controller). */
    AGREE_TRANSFER("the programme managers of the party agreeing: the CCG's ICS for `CCG`, a receiving ICS for itself"),
    /** Record legislative milestones and re-baseline: national only. */
    DIRECT_PROGRAMME("the national team"),
    /** See projections and dead letters: national and auditors. */
    OBSERVE_OPERATIONS("the national team and auditors"),
    /** Replay projections and retry dead letters: national only. */
    OPERATE("the national team");

    private final String who;

    Action(String who) {
        this.who = who;
    }

    /** Who may do it, in words (the OpenAPI description says so for each operation). */
    public String who() {
        return who;
    }
}
