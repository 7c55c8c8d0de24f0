package uk.nhs.ics.transition.messages.common;

/**
 * The metadata every command carries in and every event carries out: who made the change, in which role, from
 * where, why, and in answer to which request. The web layer fills them from the token and the request; the
 * correlation data provider copies them onto every event a command causes.
 */
public final class MetadataKeys {

    /** The token's {@code sub}: the person (or {@link #SYSTEM_ACTOR}) who made the change. */
    public static final String ACTOR = "actor";
    /** The token's {@code name}. */
    public static final String ACTOR_NAME = "actorName";
    /** The role the actor used for this change, e.g. {@code PROGRAMME_MANAGER}. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The organisations the role was held for, e.g. {@code QKS} or {@code Y59}. */
    public static final String ACTOR_SCOPE = "actorScope";
    /** The client address the request came from. */
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** The request the change came from: the service's own id for it ({@code X-Correlation-Id}). */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * The W3C trace the request belonged to (32 hex digits: the {@code trace-id} of a {@code traceparent} the caller
     * sent, or one the service began), so that an event can be found in the traces and logs of its request.
     */
    public static final String TRACE_ID = "traceId";
    /** The caller's own id for the request ({@code X-Request-Id}), if it gave one. */
    public static final String CLIENT_REQUEST_ID = "clientRequestId";
    /**
     * What caused this message: for a relayed command, the event relayed; for an event, that same event when its
     * command was relayed, or else the command (commands are not stored, so the link always leads to a stored event
     * when there is one).
     */
    public static final String CAUSATION_ID = "causationId";
    /** The reason given, where the rule asks for one. */
    public static final String REASON = "reason";

    /**
     * The approval a change was made under, where a second person had to approve it (four eyes): the change's actor
     * is who asked for it, and these say who approved it.
     */
    public static final String APPROVAL_ID = "approvalId";
    /** The approver's {@code sub}. */
    public static final String APPROVED_BY = "approvedBy";
    /** The approver's name. */
    public static final String APPROVED_BY_NAME = "approvedByName";
    /** The role the approver acted in. */
    public static final String APPROVED_BY_ROLE = "approvedByRole";
    /** The organisation the approver's role was held for. */
    public static final String APPROVED_BY_SCOPE = "approvedByScope";

    /** Present (the demo's name, {@code 2021-22}) on the commands and events of a demo programme: not real data. */
    public static final String DEMO = "demo";

    /** The actor named on changes the service makes itself: at start-up, or relaying one aggregate's facts. */
    public static final String SYSTEM_ACTOR = "system";
    /** The role named on changes the service makes itself. */
    public static final String SYSTEM_ROLE = "SYSTEM";

    private MetadataKeys() {}
}
