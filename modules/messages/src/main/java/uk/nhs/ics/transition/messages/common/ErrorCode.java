package uk.nhs.ics.transition.messages.common;

/**
 * The stable identifier of every refusal. Clients and the audit trail rely on these names: add, never rename.
 *
 * <p>Each code says what kind of refusal it is, which the web layer turns into an HTTP status: a rule of the
 * domain refusing a command is a {@link Kind#CONFLICT}; input that parsed but can never be valid is
 * {@link Kind#INVALID}; something named that does not exist is {@link Kind#NOT_FOUND}.
 */
public enum ErrorCode {
    INVALID_INPUT(Kind.INVALID),
    DATE_IN_FUTURE(Kind.INVALID),
    DATE_BEFORE_PROGRAMME(Kind.INVALID),
    UNKNOWN_MILESTONE(Kind.NOT_FOUND),
    UNKNOWN_BOARD_SEAT(Kind.NOT_FOUND),
    UNKNOWN_DUE_DILIGENCE_ITEM(Kind.NOT_FOUND),
    UNKNOWN_TRANSFER_ITEM(Kind.NOT_FOUND),
    UNKNOWN_ORGANISATION(Kind.NOT_FOUND),

    ALREADY_REGISTERED(Kind.CONFLICT),
    INVALID_MILESTONE_TRANSITION(Kind.CONFLICT),
    DERIVED_MILESTONE(Kind.CONFLICT),
    EVIDENCE_REQUIRED(Kind.INVALID),
    REASON_REQUIRED(Kind.INVALID),

    INVALID_APPOINTMENT_TRANSITION(Kind.CONFLICT),
    WRONG_RECRUITMENT_PROCESS(Kind.INVALID),
    CONFLICT_OF_INTEREST(Kind.CONFLICT),
    PERSON_ALREADY_ON_BOARD(Kind.CONFLICT),
    BOARD_ORDER_VIOLATION(Kind.CONFLICT),
    SEAT_NOT_ADDABLE(Kind.INVALID),

    LEGISLATIVE_GATE_CLOSED(Kind.CONFLICT),
    LEGISLATIVE_ORDER_VIOLATION(Kind.CONFLICT),
    BASELINE_INVALID(Kind.INVALID),

    DUE_DILIGENCE_NOT_STARTED(Kind.CONFLICT),
    DUE_DILIGENCE_ALREADY_STARTED(Kind.CONFLICT),
    DUE_DILIGENCE_SIGNED_OFF(Kind.CONFLICT),
    DUE_DILIGENCE_INCOMPLETE(Kind.CONFLICT),
    ISSUE_NEEDS_RISK(Kind.INVALID),
    NOT_A_SIGNATORY(Kind.CONFLICT),
    ALREADY_SIGNED(Kind.CONFLICT),

    RECEIVING_ICS_NOT_ALLOWED(Kind.CONFLICT),
    SCHEME_FROZEN(Kind.CONFLICT),
    TOTAL_TOO_LARGE(Kind.INVALID),
    SCHEME_NOT_AGREED(Kind.CONFLICT),
    SCHEME_EMPTY(Kind.CONFLICT),
    NOT_A_PARTY(Kind.CONFLICT),
    ALREADY_AGREED(Kind.CONFLICT),
    NO_DESIGNATE_CHIEF_EXECUTIVE(Kind.CONFLICT),
    SCHEME_NOT_EFFECTED(Kind.CONFLICT),
    ALREADY_EFFECTED(Kind.CONFLICT),
    CCG_ABOLISHED(Kind.CONFLICT),
    DUPLICATE_REFERENCE(Kind.CONFLICT),
    IMPORT_REFUSED(Kind.INVALID),
    MALFORMED_FILE(Kind.INVALID),

    INVALID_CONSTITUTION_TRANSITION(Kind.CONFLICT),
    NO_CONSTITUTION_DRAFT(Kind.CONFLICT),
    BOARD_GAPS_NOT_NAMED(Kind.CONFLICT),
    INVALID_MOU_TRANSITION(Kind.CONFLICT),

    REPLAY_IN_PROGRESS(Kind.CONFLICT),

    UNKNOWN_QUARTER(Kind.INVALID),
    AS_OF_OUTSIDE_PROGRAMME(Kind.INVALID),
    DIGEST_DOES_NOT_COVER_PACK(Kind.INVALID),

    UNKNOWN_APPROVAL(Kind.NOT_FOUND),
    SELF_APPROVAL(Kind.CONFLICT),
    APPROVAL_DECIDED(Kind.CONFLICT),
    APPROVAL_EXPIRED(Kind.CONFLICT),
    APPROVAL_SUPERSEDED(Kind.CONFLICT),
    APPROVAL_TARGET_CHANGED(Kind.STALE);

    /** How a refusal is to be read by a client. */
    public enum Kind {
        /** A rule of the domain does not allow this now (HTTP 409). */
        CONFLICT,
        /** The input parsed but is not acceptable (HTTP 422). */
        INVALID,
        /** Something the command names does not exist (HTTP 404). */
        NOT_FOUND,
        /** What the command was meant for has changed since it was asked for (HTTP 412). */
        STALE
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
