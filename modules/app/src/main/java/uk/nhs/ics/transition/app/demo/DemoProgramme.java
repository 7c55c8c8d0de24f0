package uk.nhs.ics.transition.app.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import uk.nhs.ics.transition.domain.reference.ReferenceData;
import uk.nhs.ics.transition.messages.ccg.AbolishCcg;
import uk.nhs.ics.transition.messages.ccg.AgreeTransferScheme;
import uk.nhs.ics.transition.messages.ccg.EffectTransferScheme;
import uk.nhs.ics.transition.messages.ccg.ImportTransferRegister;
import uk.nhs.ics.transition.messages.ccg.RegisterRow;
import uk.nhs.ics.transition.messages.ccg.SchemeParty;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemReference;
import uk.nhs.ics.transition.messages.ccg.Wte;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.messages.ics.AgreeMou;
import uk.nhs.ics.transition.messages.ics.ApproveConstitution;
import uk.nhs.ics.transition.messages.ics.AssessDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.ClearMilestoneRisk;
import uk.nhs.ics.transition.messages.ics.CloseConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.CompleteMilestone;
import uk.nhs.ics.transition.messages.ics.ConfirmDesignateAppointment;
import uk.nhs.ics.transition.messages.ics.DraftMou;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemId;
import uk.nhs.ics.transition.messages.ics.FlagMilestoneAtRisk;
import uk.nhs.ics.transition.messages.ics.MakeAppointmentSubstantive;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;
import uk.nhs.ics.transition.messages.ics.OpenConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.RaiseDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.RecordConstitutionDraft;
import uk.nhs.ics.transition.messages.ics.ReturnConstitution;
import uk.nhs.ics.transition.messages.ics.RiskRating;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;
import uk.nhs.ics.transition.messages.ics.SignOffDueDiligence;
import uk.nhs.ics.transition.messages.ics.StartDueDiligencePlanning;
import uk.nhs.ics.transition.messages.ics.StartMilestone;
import uk.nhs.ics.transition.messages.ics.StartRecruitment;
import uk.nhs.ics.transition.messages.ics.SubmitConstitution;
import uk.nhs.ics.transition.messages.programme.Rebaseline;
import uk.nhs.ics.transition.messages.programme.RecordLegislativeMilestone;

/**
 * The 2021/22 programme as it might have gone, as the commands people would have sent, each on its day and by a
 * named person in their role: the Bill's real stages, the re-baseline of 2021-12-24, and every ICS's milestones,
 * board, due diligence, constitution, MoU and its CCGs' transfer schemes (split where a boundary changed).
 *
 * <p>Each ICS follows one of four courses, dealt in turn within its region so that every region shows every rating:
 * {@link Course#EARLY} and {@link Course#ON_TRACK} finish everything on time (green); {@link Course#AT_RISK} has a
 * milestone flagged at risk with a reason in each quarter and finishes one late (amber), and its first constitution
 * is returned; {@link Course#LATE} misses a due date in every quarter (red while overdue, amber once done late) and
 * never completes its digital foundations. Everything else that varies (names, register sizes and values, which due
 * diligence items are issues) comes from a generator seeded by the ICS's position: the same every time.
 */
final class DemoProgramme {

    /** What the demo is called by {@code ICS_DEMO}. */
    static final String NAME = "2021-22";

    /** The last day of the history. */
    static final LocalDate LAST_DAY = LocalDate.of(2022, 7, 4);

    /** How an ICS's transition goes. */
    enum Course {
        ON_TRACK,
        LATE,
        AT_RISK,
        EARLY
    }

    /** Who sends a command: a person, their role, and the organisation they act for. */
    record Actor(String subject, String name, String role, String scope) {}

    /** One command on its day; {@code order} keeps the day's commands in the order the script gives them. */
    record Step(LocalDate day, long order, Actor actor, Object command) {}

    private static final List<String> FIRST_NAMES = List.of(
            "Amara",
            "Bernard",
            "Catrin",
            "Deepa",
            "Euan",
            "Folake",
            "Gareth",
            "Hannah",
            "Imran",
            "Joanna",
            "Kwame",
            "Lucy",
            "Mohammed",
            "Niamh",
            "Olusegun",
            "Priya",
            "Rhodri",
            "Sarah",
            "Tomasz",
            "Uzma",
            "Victoria");
    private static final List<String> SURNAMES = List.of(
            "Abbott",
            "Baxter",
            "Chowdhury",
            "Dunmore",
            "Ellison",
            "Fairweather",
            "Gallagher",
            "Hussain",
            "Ingram",
            "Jaworski",
            "Kaur",
            "Lindqvist",
            "Mensah",
            "Nakamura",
            "Okafor",
            "Pemberton",
            "Quayle",
            "Rahman",
            "Sutcliffe",
            "Tennant",
            "Underwood",
            "Varga",
            "Whitfield",
            "Yeoman",
            "Zielinski",
            "Ashworth",
            "Blackwood",
            "Crossley",
            "Dalton",
            "Eastwood",
            "Fenwick",
            "Goodall",
            "Hargreaves",
            "Iqbal",
            "Jennings",
            "Kershaw",
            "Lomax",
            "Marsden",
            "Northcott",
            "Oldroyd",
            "Prescott",
            "Rowntree",
            "Sandhu");
    private static final List<BoardSeat> EXECUTIVES = List.of(
            BoardSeat.single(BoardRole.FINANCE_DIRECTOR),
            BoardSeat.single(BoardRole.MEDICAL_DIRECTOR),
            BoardSeat.single(BoardRole.DIRECTOR_OF_NURSING));
    private static final List<BoardSeat> SENIOR = List.of(
            BoardSeat.numbered(BoardRole.INDEPENDENT_NED, 1),
            BoardSeat.numbered(BoardRole.INDEPENDENT_NED, 2),
            BoardSeat.numbered(BoardRole.PARTNER_TRUST, 1),
            BoardSeat.numbered(BoardRole.PARTNER_PRIMARY_CARE, 1),
            BoardSeat.numbered(BoardRole.PARTNER_LOCAL_AUTHORITY, 1));
    private static final BoardSeat CHAIR = BoardSeat.single(BoardRole.CHAIR);
    private static final BoardSeat CHIEF_EXECUTIVE = BoardSeat.single(BoardRole.CHIEF_EXECUTIVE);
    private static final Actor NATIONAL =
            new Actor("demo.national.pmo", "Helen Ashcroft (national ICS transition team)", "NATIONAL_PROGRAMME", null);
    private static final String SHA_OF_DEMO = "0".repeat(64);

    private final ReferenceData reference;
    private final List<Step> steps = new ArrayList<>();
    private final Map<IcsCode, Course> courses = new LinkedHashMap<>();
    private final Map<IcsCode, String> chiefExecutives = new LinkedHashMap<>();
    private long order;

    private DemoProgramme(ReferenceData reference) {
        this.reference = reference;
    }

    /** Every step of the programme up to and including {@code lastDay}, in the order they are sent. */
    static List<Step> steps(ReferenceData reference, LocalDate lastDay) {
        DemoProgramme programme = new DemoProgramme(reference);
        programme.plan();
        return programme.steps.stream()
                .filter(step -> !step.day().isAfter(lastDay))
                .sorted(Comparator.comparing(Step::day).thenComparingLong(Step::order))
                .toList();
    }

    /** The course each ICS follows. */
    static Map<IcsCode, Course> courses(ReferenceData reference) {
        DemoProgramme programme = new DemoProgramme(reference);
        programme.deal();
        return programme.courses;
    }

    private void deal() {
        for (ReferenceData.Region region : reference.regions()) {
            List<ReferenceData.Ics> systems = reference.systemsIn(region.code());
            for (int i = 0; i < systems.size(); i++) {
                courses.put(systems.get(i).code(), Course.values()[i % Course.values().length]);
            }
        }
    }

    private void plan() {
        deal();
        legislation();
        List<ReferenceData.Ics> systems = reference.systems();
        for (int i = 0; i < systems.size(); i++) {
            chiefExecutives.put(systems.get(i).code(), person(i, 1));
        }
        for (int i = 0; i < systems.size(); i++) {
            system(systems.get(i), i);
        }
        List<ReferenceData.Ccg> ccgs = reference.ccgs();
        for (int i = 0; i < ccgs.size(); i++) {
            scheme(ccgs.get(i), i);
        }
    }

    // ---------------------------------------------------------------- the national programme

    private void legislation() {
        stage(LegislativeMilestone.INTRODUCED, date(2021, 7, 6));
        stage(LegislativeMilestone.SECOND_READING, date(2021, 7, 14));
        stage(LegislativeMilestone.THIRD_READING, date(2021, 11, 23));
        add(
                date(2021, 12, 24),
                NATIONAL,
                new Rebaseline(
                        Programme.ID,
                        date(2021, 12, 24),
                        date(2022, 7, 1),
                        Map.of(Quarter.Q4, date(2022, 6, 30)),
                        Map.of(),
                        "The Health and Care Bill is still in Parliament: establishment moves to 1 July 2022 to allow"
                                + " for its remaining stages",
                        null));
        stage(LegislativeMilestone.ROYAL_ASSENT, date(2022, 4, 28));
    }

    private void stage(LegislativeMilestone stage, LocalDate on) {
        add(on, NATIONAL, new RecordLegislativeMilestone(Programme.ID, stage, on, null));
    }

    // ---------------------------------------------------------------- one ICS

    private void system(ReferenceData.Ics ics, int index) {
        IcsCode code = ics.code();
        Course course = courses.get(code);
        boolean early = course == Course.EARLY;
        boolean late = course == Course.LATE;
        boolean atRisk = course == Course.AT_RISK;
        Random random = new Random(2021_22L * 1000 + index);
        Actor pm = new Actor(
                "demo.pm." + code.value().toLowerCase(),
                person(index, 20) + " (programme manager, " + ics.name() + ")",
                "PROGRAMME_MANAGER",
                code.value());
        Actor region = new Actor(
                "demo.region." + ics.region().value().toLowerCase(),
                person(index + 7, 30) + " (regional oversight team, "
                        + reference.region(ics.region()).orElseThrow().name() + ")",
                "REGIONAL_OVERSIGHT",
                ics.region().value());

        // Q1: preparation
        start(pm, code, date(2021, 5, 10), MilestoneCode.Q1_SDP_UPDATED, MilestoneCode.Q1_TRANSITION_PLAN);
        complete(pm, code, early ? date(2021, 6, 7) : date(2021, 6, 24), MilestoneCode.Q1_SDP_UPDATED);
        complete(
                pm,
                code,
                early ? date(2021, 6, 7) : late ? date(2021, 7, 19) : date(2021, 6, 24),
                MilestoneCode.Q1_TRANSITION_PLAN);

        // Q2: chair and chief executive (national process), MoU, sub-ICS plan, due diligence planning
        LocalDate q2 = date(2021, 7, 19);
        add(q2, pm, new StartRecruitment(code, CHAIR, BoardRole.CHAIR.process(), null));
        add(q2, pm, new StartRecruitment(code, CHIEF_EXECUTIVE, BoardRole.CHIEF_EXECUTIVE.process(), null));
        start(
                pm,
                code,
                q2,
                MilestoneCode.Q2_LEADERS_SUPPORTED,
                MilestoneCode.Q2_MOU_DRAFTED,
                MilestoneCode.Q2_SUB_ICS_PLAN);
        LocalDate leaders = early ? date(2021, 8, 23) : late ? date(2021, 10, 11) : date(2021, 9, 13);
        appoint(pm, code, leaders, CHAIR, person(index, 0), false);
        appoint(pm, code, leaders, CHIEF_EXECUTIVE, chiefExecutives.get(code), false);
        LocalDate q2Done = early ? date(2021, 8, 23) : date(2021, 9, 13);
        complete(pm, code, q2Done, MilestoneCode.Q2_LEADERS_SUPPORTED, MilestoneCode.Q2_MOU_DRAFTED);
        complete(pm, code, late ? date(2021, 11, 8) : q2Done, MilestoneCode.Q2_SUB_ICS_PLAN);
        add(late ? date(2021, 10, 11) : q2Done, pm, new StartDueDiligencePlanning(code, null));

        // Q3: executives, shadow form, constitution engagement
        LocalDate q3 = date(2021, 10, 11);
        start(pm, code, atRisk ? date(2021, 9, 13) : q3, MilestoneCode.Q3_SHADOW_READY);
        start(pm, code, q3, MilestoneCode.Q3_IMPACTED_SUPPORTED);
        if (atRisk) {
            add(
                    date(2021, 9, 13),
                    pm,
                    new FlagMilestoneAtRisk(
                            code,
                            MilestoneCode.Q3_SHADOW_READY,
                            "The shadow board cannot meet until the chair is confirmed",
                            null));
            add(
                    date(2021, 11, 8),
                    pm,
                    new ClearMilestoneRisk(
                            code, MilestoneCode.Q3_SHADOW_READY, "Chair confirmed; shadow board dates set", null));
        }
        for (BoardSeat seat : EXECUTIVES) {
            add(q3, pm, new StartRecruitment(code, seat, seat.role().process(), null));
        }
        LocalDate executives = early ? q3 : late ? date(2022, 1, 10) : date(2021, 11, 8);
        for (int s = 0; s < EXECUTIVES.size(); s++) {
            BoardSeat seat = EXECUTIVES.get(s);
            appoint(pm, code, executives, seat, person(index, 2 + s), seat.role() == BoardRole.MEDICAL_DIRECTOR);
        }
        String prefix = code.value() + "-ICB-CONSTITUTION";
        add(
                q3,
                pm,
                new RecordConstitutionDraft(
                        code, prefix + "-v1", "Model constitution adapted for " + ics.icbName(), null));
        add(date(2021, 11, 8), pm, new OpenConstitutionEngagement(code, null));
        add(late ? date(2022, 1, 10) : date(2021, 12, 6), pm, new CloseConstitutionEngagement(code, null));
        LocalDate q3Done = early ? date(2021, 11, 8) : date(2021, 12, 13);
        complete(pm, code, q3Done, MilestoneCode.Q3_SHADOW_READY);
        complete(pm, code, late ? date(2022, 2, 14) : q3Done, MilestoneCode.Q3_IMPACTED_SUPPORTED);

        // due diligence: every area assessed, some issues mitigated, signed off by every predecessor and the CEO
        LocalDate raised = late ? date(2021, 11, 8) : date(2021, 10, 11);
        int item = 0;
        for (DueDiligenceArea area : DueDiligenceArea.values()) {
            add(raised, pm, new RaiseDueDiligenceItem(code, area, area.description() + ": review", null));
            DueDiligenceItemId id = DueDiligenceItemId.number(++item);
            int roll = random.nextInt(10);
            LocalDate assessed = early ? date(2021, 12, 13) : date(2022, 1, 10);
            if (roll < 2) {
                add(
                        assessed,
                        pm,
                        new AssessDueDiligenceItem(
                                code,
                                id,
                                AssessmentOutcome.ISSUE,
                                roll == 0 ? RiskRating.HIGH : RiskRating.MEDIUM,
                                "Mitigated by an indemnity agreed with the receiving body",
                                null));
            } else {
                add(assessed, pm, new AssessDueDiligenceItem(code, id, AssessmentOutcome.ASSURED, null, null, null));
            }
        }
        LocalDate signOff = early ? date(2022, 2, 14) : late ? date(2022, 5, 9) : date(2022, 3, 7);
        for (CcgCode ccg : reference.predecessorsOf(code)) {
            add(
                    signOff,
                    pm,
                    new SignOffDueDiligence(
                            code, accountableOfficer(ccg), SignOffCapacity.CCG_ACCOUNTABLE_OFFICER, ccg, null));
        }
        add(
                signOff,
                pm,
                new SignOffDueDiligence(
                        code, chiefExecutives.get(code), SignOffCapacity.DESIGNATE_CHIEF_EXECUTIVE, null, null));

        // Q4: the rest of the board, constitution submitted and decided, MoU, the manual milestones
        LocalDate q4 = date(2022, 1, 10);
        for (BoardSeat seat : SENIOR) {
            add(q4, pm, new StartRecruitment(code, seat, seat.role().process(), null));
        }
        LocalDate senior = early ? q4 : late ? date(2022, 4, 4) : date(2022, 2, 14);
        for (int s = 0; s < SENIOR.size(); s++) {
            appoint(pm, code, senior, SENIOR.get(s), person(index, 5 + s), false);
        }
        LocalDate submitted = late ? date(2022, 4, 4) : date(2022, 2, 14);
        add(submitted, pm, new SubmitConstitution(code, List.of(), null));
        if (atRisk) {
            add(
                    date(2022, 3, 7),
                    region,
                    new ReturnConstitution(
                            code,
                            "Revise the quorum and the partner members' nomination process before resubmitting",
                            null));
            add(
                    date(2022, 3, 21),
                    pm,
                    new RecordConstitutionDraft(
                            code,
                            prefix + "-v2",
                            "Quorum and partner nominations revised after the regional review",
                            null));
            add(date(2022, 3, 21), pm, new OpenConstitutionEngagement(code, null));
            add(date(2022, 4, 4), pm, new CloseConstitutionEngagement(code, null));
            add(date(2022, 4, 19), pm, new SubmitConstitution(code, List.of(), null));
            add(date(2022, 5, 9), region, new ApproveConstitution(code, "Approved after revision", null));
        } else {
            add(
                    late ? date(2022, 5, 9) : date(2022, 3, 7),
                    region,
                    new ApproveConstitution(code, "Approved by the regional team", null));
        }
        add(early ? q4 : date(2022, 2, 14), pm, new DraftMou(code, code.value() + "-MOU-2022-23-v1", null));
        add(early ? date(2022, 2, 14) : date(2022, 3, 7), region, new AgreeMou(code, null));

        start(
                pm,
                code,
                q4,
                MilestoneCode.Q4_AFFECTED_SUPPORTED,
                MilestoneCode.Q4_UNION_CONSULTATION,
                MilestoneCode.Q4_DIRECT_COMMISSIONING,
                MilestoneCode.Q4_SYSTEMS_READY);
        if (atRisk) {
            add(
                    q4,
                    pm,
                    new FlagMilestoneAtRisk(
                            code,
                            MilestoneCode.Q4_SYSTEMS_READY,
                            "The ledger migration waits for the national finance system cut-over",
                            null));
        }
        LocalDate q4Done = early ? date(2022, 4, 4) : date(2022, 5, 16);
        complete(
                pm,
                code,
                q4Done,
                MilestoneCode.Q4_AFFECTED_SUPPORTED,
                MilestoneCode.Q4_UNION_CONSULTATION,
                MilestoneCode.Q4_DIRECT_COMMISSIONING);
        complete(pm, code, atRisk ? date(2022, 7, 1) : q4Done, MilestoneCode.Q4_SYSTEMS_READY);

        List<MilestoneCode> duties = java.util.Arrays.stream(MilestoneCode.values())
                .filter(m -> m.quarter() == Quarter.EST)
                .toList();
        start(pm, code, date(2022, 3, 7), duties.toArray(MilestoneCode[]::new));
        if (late) {
            add(
                    date(2022, 5, 16),
                    pm,
                    new FlagMilestoneAtRisk(
                            code,
                            MilestoneCode.EST_DIGITAL_FOUNDATIONS,
                            "The shared care record procurement has slipped to the autumn",
                            null));
        }
        for (MilestoneCode duty : duties) {
            if (!(late && duty == MilestoneCode.EST_DIGITAL_FOUNDATIONS)) {
                complete(pm, code, early ? date(2022, 5, 16) : date(2022, 6, 13), duty);
            }
        }

        // establishment: the board's designate appointments become substantive
        LocalDate established = date(2022, 7, 1);
        List<BoardSeat> board = new ArrayList<>(List.of(CHAIR, CHIEF_EXECUTIVE));
        board.addAll(EXECUTIVES);
        board.addAll(SENIOR);
        for (BoardSeat seat : board) {
            add(established, pm, new MakeAppointmentSubstantive(code, seat, null));
        }
    }

    // ---------------------------------------------------------------- one CCG's transfer scheme

    private void scheme(ReferenceData.Ccg ccg, int index) {
        Random random = new Random(2022_07L * 1000 + index);
        IcsCode own = ccg.ics();
        Actor pm = managerOf(own);
        List<IcsCode> receivers = reference.possibleReceiversOf(ccg.code());
        IcsCode moving =
                receivers.stream().filter(ics -> !ics.equals(own)).findFirst().orElse(null);
        boolean whole =
                moving != null && reference.ccgsOf(own).size() > 1 && ccg.name().contains("Bassetlaw");
        List<RegisterRow> rows = new ArrayList<>();
        int items = 40 + random.nextInt(80);
        for (int n = 1; n <= items; n++) {
            IcsCode to = moving == null ? null : whole || n % 3 == 0 ? moving : null;
            rows.add(new RegisterRow(
                    n + 1,
                    TransferItemReference.of(ccg.code().value() + "-" + String.format("%04d", n)),
                    to,
                    item(random, ccg),
                    List.of()));
        }
        Course course = courses.get(own);
        LocalDate imported = course == Course.EARLY ? date(2021, 12, 13) : date(2022, 1, 10);
        add(
                imported,
                pm,
                new ImportTransferRegister(
                        ccg.code(),
                        ccg.code().value() + "-transfer-register.xlsx",
                        SHA_OF_DEMO.substring(0, 56) + String.format("%08x", index),
                        rows,
                        false,
                        false,
                        "Register consolidated from the asset register, contract register and staff list",
                        null));
        LocalDate agreed = course == Course.EARLY
                ? date(2022, 2, 14)
                : course == Course.LATE ? date(2022, 5, 9) : date(2022, 3, 7);
        add(agreed, pm, new AgreeTransferScheme(ccg.code(), SchemeParty.CCG, accountableOfficer(ccg.code()), null));
        List<IcsCode> parties = new ArrayList<>();
        if (!whole) {
            parties.add(own);
        }
        if (moving != null) {
            parties.add(moving);
        }
        for (IcsCode party : parties) {
            add(
                    agreed,
                    managerOf(party),
                    new AgreeTransferScheme(ccg.code(), SchemeParty.ics(party), chiefExecutives.get(party), null));
        }
        add(date(2022, 7, 1), pm, new EffectTransferScheme(ccg.code(), null));
        add(date(2022, 7, 1), pm, new AbolishCcg(ccg.code(), null));
    }

    private static TransferItemDetails item(Random random, ReferenceData.Ccg ccg) {
        int roll = random.nextInt(100);
        String area = ccg.name().replace("NHS ", "").replace(" CCG", "");
        if (roll < 55) {
            String[] services = {
                "Community nursing",
                "Mental health liaison",
                "Patient transport",
                "Interpreting services",
                "Wheelchair services",
                "Out-of-hours GP",
                "Audiology",
                "Podiatry"
            };
            return new TransferItemDetails.Contract(
                    services[random.nextInt(services.length)] + " for " + area,
                    PROVIDERS[random.nextInt(PROVIDERS.length)],
                    Money.pence(5_000_000L + random.nextInt(400_000_000)),
                    date(2023 + random.nextInt(3), 3, 31),
                    random.nextInt(4) == 0);
        }
        if (roll < 75) {
            return new TransferItemDetails.Asset(
                    (random.nextBoolean() ? "IT equipment, " : "Lease and fit-out, ") + area,
                    Money.pence(100_000L + random.nextInt(50_000_000)));
        }
        if (roll < 92) {
            int headcount = 2 + random.nextInt(40);
            String[] groups = {
                "Administrative and clerical",
                "Nursing and midwifery",
                "Allied health professionals",
                "Medical and dental"
            };
            return new TransferItemDetails.Staff(
                    "Commissioning team " + (1 + random.nextInt(30)) + ", " + area,
                    headcount,
                    Wte.of(BigDecimal.valueOf(headcount * (70L + random.nextInt(30)), 2)),
                    groups[random.nextInt(groups.length)]);
        }
        return new TransferItemDetails.Liability(
                "Continuing healthcare claims, " + area, Money.pence(50_000L + random.nextInt(30_000_000)));
    }

    private static final String[] PROVIDERS = {
        "Local Community Health NHS Trust", "County Mental Health NHS Foundation Trust", "Regional Ambulance Service",
        "Independent Sector Provider Ltd", "Primary Care Network Federation", "University Hospitals NHS Trust"
    };

    // ---------------------------------------------------------------- helpers

    private Actor managerOf(IcsCode ics) {
        int index = reference.systems().stream()
                .map(ReferenceData.Ics::code)
                .toList()
                .indexOf(ics);
        String name = reference.ics(ics).map(ReferenceData.Ics::name).orElse(ics.value());
        return new Actor(
                "demo.pm." + ics.value().toLowerCase(),
                person(index, 20) + " (programme manager, " + name + ")",
                "PROGRAMME_MANAGER",
                ics.value());
    }

    private String accountableOfficer(CcgCode ccg) {
        return "Accountable officer, "
                + reference.ccg(ccg).map(ReferenceData.Ccg::name).orElse(ccg.value());
    }

    private void appoint(Actor pm, IcsCode code, LocalDate day, BoardSeat seat, String person, boolean mentalHealth) {
        add(day, pm, new NamePreferredCandidate(code, seat, person, List.of(), mentalHealth, null));
        add(day, pm, new ConfirmDesignateAppointment(code, seat, null));
    }

    private void start(Actor pm, IcsCode code, LocalDate day, MilestoneCode... milestones) {
        for (MilestoneCode milestone : milestones) {
            add(day, pm, new StartMilestone(code, milestone, null));
        }
    }

    private void complete(Actor pm, IcsCode code, LocalDate day, MilestoneCode... milestones) {
        for (MilestoneCode milestone : milestones) {
            add(
                    day,
                    pm,
                    new CompleteMilestone(
                            code,
                            milestone,
                            day,
                            List.of(new Evidence(
                                    code.value() + "-" + milestone.code(), "Board paper on " + milestone.code())),
                            null));
        }
    }

    /** A person's name, different for each seat of one ICS. */
    private static String person(int ics, int seat) {
        return FIRST_NAMES.get((ics * 5 + seat) % FIRST_NAMES.size()) + " "
                + SURNAMES.get((ics * 3 + seat * 7) % SURNAMES.size());
    }

    private void add(LocalDate day, Actor actor, Object command) {
        steps.add(new Step(day, order++, actor, command));
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
