package uk.nhs.ics.transition.messages.ics;

/**
 * The roles on the unitary board of an ICS NHS body. The minimum composition is ten people: one each of the
 * single-seat roles, two independent non-executives besides the chair, and one of each partner role. The further
 * roles may be added but do not count towards the minimum.
 */
public enum BoardRole {
    CHAIR(false, true, 1, RecruitmentProcess.NATIONAL),
    INDEPENDENT_NED(true, true, 2, RecruitmentProcess.LOCAL),
    CHIEF_EXECUTIVE(false, false, 1, RecruitmentProcess.NATIONAL),
    FINANCE_DIRECTOR(false, false, 1, RecruitmentProcess.LOCAL),
    DIRECTOR_OF_NURSING(false, false, 1, RecruitmentProcess.LOCAL),
    MEDICAL_DIRECTOR(false, false, 1, RecruitmentProcess.LOCAL),
    PARTNER_TRUST(true, false, 1, RecruitmentProcess.LOCAL),
    PARTNER_PRIMARY_CARE(true, false, 1, RecruitmentProcess.LOCAL),
    PARTNER_LOCAL_AUTHORITY(true, false, 1, RecruitmentProcess.LOCAL),
    PLACE_LEADER(true, false, 0, RecruitmentProcess.LOCAL),
    OTHER_EXECUTIVE(true, false, 0, RecruitmentProcess.LOCAL),
    OTHER_NON_EXECUTIVE(true, false, 0, RecruitmentProcess.LOCAL);

    private final boolean multiSeat;
    private final boolean mustBeIndependent;
    private final int minimumSeats;
    private final RecruitmentProcess process;

    BoardRole(boolean multiSeat, boolean mustBeIndependent, int minimumSeats, RecruitmentProcess process) {
        this.multiSeat = multiSeat;
        this.mustBeIndependent = mustBeIndependent;
        this.minimumSeats = minimumSeats;
        this.process = process;
    }

    /** Whether the role has numbered seats ({@code INDEPENDENT_NED-1}) rather than exactly one. */
    public boolean multiSeat() {
        return multiSeat;
    }

    /** Whether a holder must hold no post in another health or care organisation in the footprint. */
    public boolean mustBeIndependent() {
        return mustBeIndependent;
    }

    /** How many holders the minimum composition needs; zero for the roles that do not count. */
    public int minimumSeats() {
        return minimumSeats;
    }

    /** The recruitment process the framework prescribes: national for the chair and chief executive. */
    public RecruitmentProcess process() {
        return process;
    }
}
