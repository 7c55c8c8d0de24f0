package uk.nhs.ics.transition.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The national milestone catalogue of the 2021/22 timetable. Every ICS gets every milestone. The {@link #code()} is
 * the stable identifier used by the API, the events and the audit trail: it never changes once published.
 */
public enum MilestoneCode {
    Q1_SDP_UPDATED(
            "Q1-SDP-UPDATED",
            Quarter.Q1,
            "System development plan updated",
            "The system development plan has been updated against the implementation requirements (functions,"
                    + " leadership, capabilities, governance) and the support the system needs is identified.",
            null),
    Q1_TRANSITION_PLAN(
            "Q1-TRANSITION-PLAN",
            Quarter.Q1,
            "Organisational and people transition plan",
            "A plan exists for the organisational and people transition, covering the expected process and timetable,"
                    + " any ICS boundary change, and functions that must change to support recovery.",
            null),
    Q2_LEADERS_SUPPORTED(
            "Q2-LEADERS-SUPPORTED",
            Quarter.Q2,
            "Current leaders supported and consulted",
            "People now in ICS chair, ICS lead or accountable-officer roles are supported and have been consulted.",
            null),
    Q2_CHAIR_CEO_RECRUITED(
            "Q2-CHAIR-CEO-RECRUITED",
            Quarter.Q2,
            "Chair and chief executive recruitment run",
            "The national recruitment and selection process for the ICS NHS body chair and chief executive has been"
                    + " run.",
            "recruitment has started for both CHAIR and CHIEF_EXECUTIVE"),
    Q2_CHAIR_CEO_CONFIRMED(
            "Q2-CHAIR-CEO-CONFIRMED",
            Quarter.Q2,
            "Chair and chief executive confirmed as designates",
            "The chair and chief executive appointments are confirmed as designate roles (only possible after the"
                    + " Bill's second reading).",
            "designate appointments are confirmed for both CHAIR and CHIEF_EXECUTIVE"),
    Q2_MOU_DRAFTED(
            "Q2-MOU-DRAFTED",
            Quarter.Q2,
            "Draft MoU arrangements for 2022/23",
            "Draft MoU arrangements for 2022/23 exist, including the operating model and governance, in line with the"
                    + " model constitution.",
            null),
    Q2_SUB_ICS_PLAN(
            "Q2-SUB-ICS-PLAN",
            Quarter.Q2,
            "Sub-ICS working plan",
            "The plan says where CCG teams will work below ICS level, only where the development plan confirms a"
                    + " significant place-based function there.",
            null),
    Q2_DUE_DILIGENCE_PLANNING(
            "Q2-DUE-DILIGENCE-PLANNING",
            Quarter.Q2,
            "Due diligence planning begun",
            "Due diligence planning has begun.",
            "due diligence planning has started"),
    Q3_IMPACTED_SUPPORTED(
            "Q3-IMPACTED-SUPPORTED",
            Quarter.Q3,
            "People in impacted roles supported",
            "People in impacted roles are supported and have been consulted.",
            null),
    Q3_EXECUTIVES_RECRUITED(
            "Q3-EXECUTIVES-RECRUITED",
            Quarter.Q3,
            "Executive directors recruitment run",
            "Recruitment and selection (local filling of posts) has been run for the designate finance director,"
                    + " medical director, director of nursing and other board-level roles.",
            "recruitment has started for FINANCE_DIRECTOR, MEDICAL_DIRECTOR and DIRECTOR_OF_NURSING"),
    Q3_EXECUTIVES_CONFIRMED(
            "Q3-EXECUTIVES-CONFIRMED",
            Quarter.Q3,
            "Executive directors confirmed as designates",
            "Designate finance director, medical director and director of nursing are confirmed.",
            "designate appointments are confirmed for FINANCE_DIRECTOR, MEDICAL_DIRECTOR and DIRECTOR_OF_NURSING"),
    Q3_SHADOW_READY(
            "Q3-SHADOW-READY",
            Quarter.Q3,
            "Ready to operate in shadow form",
            "The ICS NHS body and the ICS partnership are ready to operate in shadow form.",
            null),
    Q3_CONSTITUTION_ENGAGEMENT(
            "Q3-CONSTITUTION-ENGAGEMENT",
            Quarter.Q3,
            "Constitution engagement held",
            "Engagement on the local constitution and governance arrangements (ICS NHS body and ICS partnership) has"
                    + " taken place.",
            "engagement on the constitution has been closed"),
    Q4_AFFECTED_SUPPORTED(
            "Q4-AFFECTED-SUPPORTED",
            Quarter.Q4,
            "People in affected roles supported",
            "People in affected roles are consulted and supported.",
            null),
    Q4_SENIOR_RECRUITED(
            "Q4-SENIOR-RECRUITED",
            Quarter.Q4,
            "Remaining senior roles in recruitment",
            "Recruitment continues for all other designate senior roles, including place-level leaders and"
                    + " non-executives.",
            "recruitment has started for every board seat (none is still vacant)"),
    Q4_SENIOR_CONFIRMED(
            "Q4-SENIOR-CONFIRMED",
            Quarter.Q4,
            "Board meets its minimum composition",
            "Designate appointments to the remaining senior roles are confirmed, so the board meets its minimum"
                    + " composition.",
            "the board meets its minimum composition with designate (or substantive) holders"),
    Q4_DUE_DILIGENCE_COMPLETE(
            "Q4-DUE-DILIGENCE-COMPLETE",
            Quarter.Q4,
            "Due diligence complete and transfers prepared",
            "Due diligence is complete and the staff and property transfers (assets, liabilities, contracts) from"
                    + " every predecessor CCG are prepared.",
            "due diligence is signed off and every predecessor CCG's transfer scheme is agreed"),
    Q4_UNION_CONSULTATION(
            "Q4-UNION-CONSULTATION",
            Quarter.Q4,
            "Trade union consultation begun",
            "Engagement and consultation with trade unions on the transfer has begun.",
            null),
    Q4_DIRECT_COMMISSIONING(
            "Q4-DIRECT-COMMISSIONING",
            Quarter.Q4,
            "Direct commissioning preparations",
            "Preparations are complete to take on direct commissioning functions where that was agreed (or recorded"
                    + " as not applicable).",
            null),
    Q4_SYSTEMS_READY(
            "Q4-SYSTEMS-READY",
            Quarter.Q4,
            "Digital, data and financial systems ready",
            "Revised digital, data and financial systems are in place for go-live.",
            null),
    Q4_CONSTITUTION_SUBMITTED(
            "Q4-CONSTITUTION-SUBMITTED",
            Quarter.Q4,
            "Constitution submitted",
            "The ICS NHS body constitution has been submitted for approval.",
            "the constitution has been submitted (and not returned since)"),
    Q4_MOU_AGREED(
            "Q4-MOU-AGREED",
            Quarter.Q4,
            "2022/23 MoU agreed",
            "The 2022/23 ICS MoU is agreed with the regional team.",
            "the MoU has been agreed by the regional team"),
    EST_VCSE_AGREEMENT(
            "EST-VCSE-AGREEMENT",
            Quarter.EST,
            "VCSE partnership agreement",
            "A formal agreement embeds the voluntary, community and social enterprise sector in system governance and"
                    + " decision making.",
            null),
    EST_FUNCTIONS_MAP(
            "EST-FUNCTIONS-MAP",
            Quarter.EST,
            "Functions and decisions map published",
            "The functions and decisions map, showing arrangements with partners, is published.",
            null),
    EST_COMMITTEES(
            "EST-COMMITTEES",
            Quarter.EST,
            "Audit and remuneration committees established",
            "Audit and remuneration committees are established, each chaired by an independent non-executive.",
            null),
    EST_CLINICAL_LEADERSHIP(
            "EST-CLINICAL-LEADERSHIP",
            Quarter.EST,
            "Clinical and care professional leadership model",
            "The board has signed off the clinical and care professional leadership model and improvement plan.",
            null),
    EST_ENGAGEMENT_STRATEGY(
            "EST-ENGAGEMENT-STRATEGY",
            Quarter.EST,
            "Strategy for working with people and communities",
            "A system-wide strategy for working with people and communities exists.",
            null),
    EST_PROVIDER_COLLABORATIVES(
            "EST-PROVIDER-COLLABORATIVES",
            Quarter.EST,
            "Provider collaboratives in place",
            "Every trust providing acute or mental health services is in at least one provider collaborative.",
            null),
    EST_DIGITAL_FOUNDATIONS(
            "EST-DIGITAL-FOUNDATIONS",
            Quarter.EST,
            "Digital and data foundations",
            "Smart digital and data foundations are in place, including a shared care record plan.",
            null);

    private static final Map<String, MilestoneCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(MilestoneCode::code, Function.identity()));

    private final String code;
    private final Quarter quarter;
    private final String title;
    private final String requirement;
    private final String completingFacts;

    MilestoneCode(String code, Quarter quarter, String title, String requirement, String completingFacts) {
        this.code = code;
        this.quarter = quarter;
        this.title = title;
        this.requirement = requirement;
        this.completingFacts = completingFacts;
    }

    /** Looks a milestone up by its published code, e.g. {@code Q2-CHAIR-CEO-CONFIRMED}. */
    public static Optional<MilestoneCode> find(String code) {
        return Optional.ofNullable(code).map(BY_CODE::get);
    }

    @JsonCreator
    public static MilestoneCode of(String code) {
        return find(code)
                .orElseThrow(() ->
                        new RuleViolation(ErrorCode.UNKNOWN_MILESTONE, "milestone", "no milestone has " + named(code)));
    }

    /** The code as given, quoted back only if it could be a code: never markup or SQL a client might render. */
    private static String named(String code) {
        return code != null && code.matches("[A-Za-z0-9_-]{1,40}") ? "code " + code : "the code given";
    }

    @JsonValue
    public String code() {
        return code;
    }

    public Quarter quarter() {
        return quarter;
    }

    public String title() {
        return title;
    }

    /** What must be true for the milestone to be complete, as the national timetable words it. */
    public String requirement() {
        return requirement;
    }

    public MilestoneKind kind() {
        return completingFacts == null ? MilestoneKind.MANUAL : MilestoneKind.DERIVED;
    }

    /** For a derived milestone, the facts that complete it; empty for a manual one. */
    public Optional<String> completingFacts() {
        return Optional.ofNullable(completingFacts);
    }

    @Override
    public String toString() {
        return code;
    }
}
