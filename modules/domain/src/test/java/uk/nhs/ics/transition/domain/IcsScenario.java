package uk.nhs.ics.transition.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.messages.ics.AssessDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.CloseConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.CompleteMilestone;
import uk.nhs.ics.transition.messages.ics.ConfirmDesignateAppointment;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemId;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;
import uk.nhs.ics.transition.messages.ics.NoteEstablishmentDate;
import uk.nhs.ics.transition.messages.ics.NoteLegislativeMilestone;
import uk.nhs.ics.transition.messages.ics.OpenConstitutionEngagement;
import uk.nhs.ics.transition.messages.ics.OpenIcsTransition;
import uk.nhs.ics.transition.messages.ics.RaiseDueDiligenceItem;
import uk.nhs.ics.transition.messages.ics.RecordConstitutionDraft;
import uk.nhs.ics.transition.messages.ics.StartDueDiligencePlanning;
import uk.nhs.ics.transition.messages.ics.StartMilestone;
import uk.nhs.ics.transition.messages.ics.StartRecruitment;

/**
 * Commands that bring an ICS transition to a point in its life, for tests to start from. They are real commands,
 * so the history they build (derived milestones included) is the history the aggregate itself would record.
 * Kent and Medway (QKS, one predecessor CCG 91Q) and Derbyshire (QJ2, which also receives Glossop from 01Y) are the
 * usual subjects.
 */
public final class IcsScenario {

    public static final IcsCode KENT_AND_MEDWAY = IcsCode.of("QKS");
    public static final CcgCode KENT_AND_MEDWAY_CCG = CcgCode.of("91Q");
    public static final IcsCode DERBYSHIRE = IcsCode.of("QJ2");
    public static final CcgCode DERBY_AND_DERBYSHIRE_CCG = CcgCode.of("15M");
    public static final CcgCode TAMESIDE_AND_GLOSSOP_CCG = CcgCode.of("01Y");

    /** The real dates of the Health and Care Bill. */
    public static final LocalDate INTRODUCED_ON = LocalDate.of(2021, 7, 6);

    public static final LocalDate SECOND_READING_ON = LocalDate.of(2021, 7, 14);
    public static final LocalDate THIRD_READING_ON = LocalDate.of(2021, 11, 23);
    public static final LocalDate ROYAL_ASSENT_ON = LocalDate.of(2022, 4, 28);
    public static final LocalDate ESTABLISHED_ON = LocalDate.of(2022, 7, 1);

    private IcsScenario() {}

    public static OpenIcsTransition openKentAndMedway() {
        return new OpenIcsTransition(
                KENT_AND_MEDWAY,
                "Kent and Medway",
                RegionCode.of("Y59"),
                "E54000032",
                "NHS Kent and Medway Integrated Care Board",
                List.of(KENT_AND_MEDWAY_CCG),
                Programme.JUNE_2021_BASELINE.establishmentDate());
    }

    public static OpenIcsTransition openDerbyshire() {
        return new OpenIcsTransition(
                DERBYSHIRE,
                "Joined Up Care Derbyshire",
                RegionCode.of("Y60"),
                "E54000012",
                "NHS Derby and Derbyshire Integrated Care Board",
                List.of(TAMESIDE_AND_GLOSSOP_CCG, DERBY_AND_DERBYSHIRE_CCG),
                Programme.JUNE_2021_BASELINE.establishmentDate());
    }

    /** The Bill's introduction and second reading, as relayed from the national programme. */
    public static List<Object> secondReading(IcsCode ics) {
        return List.of(
                new NoteLegislativeMilestone(ics, LegislativeMilestone.INTRODUCED, INTRODUCED_ON),
                new NoteLegislativeMilestone(ics, LegislativeMilestone.SECOND_READING, SECOND_READING_ON));
    }

    /** Every stage of the Bill to Royal Assent, and the establishment date moved to 2022-07-01. */
    public static List<Object> royalAssent(IcsCode ics) {
        List<Object> commands = new ArrayList<>(secondReading(ics));
        commands.add(new NoteLegislativeMilestone(ics, LegislativeMilestone.THIRD_READING, THIRD_READING_ON));
        commands.add(new NoteLegislativeMilestone(ics, LegislativeMilestone.ROYAL_ASSENT, ROYAL_ASSENT_ON));
        commands.add(new NoteEstablishmentDate(ics, ESTABLISHED_ON));
        return commands;
    }

    /** Recruitment to a seat by the process its role prescribes. */
    public static StartRecruitment recruit(IcsCode ics, BoardSeat seat) {
        return new StartRecruitment(ics, seat, seat.role().process(), null);
    }

    public static NamePreferredCandidate candidate(IcsCode ics, BoardSeat seat, String person) {
        return new NamePreferredCandidate(ics, seat, person, List.of(), false, null);
    }

    public static ConfirmDesignateAppointment confirm(IcsCode ics, BoardSeat seat) {
        return new ConfirmDesignateAppointment(ics, seat, null);
    }

    /** Recruitment, a preferred candidate and designate confirmation for one seat. */
    public static List<Object> designate(IcsCode ics, BoardSeat seat, String person) {
        return designate(ics, seat, person, false);
    }

    public static List<Object> designate(IcsCode ics, BoardSeat seat, String person, boolean mentalHealthExpertise) {
        return List.of(
                recruit(ics, seat),
                new NamePreferredCandidate(ics, seat, person, List.of(), mentalHealthExpertise, null),
                confirm(ics, seat));
    }

    public static final BoardSeat CHAIR = BoardSeat.single(BoardRole.CHAIR);
    public static final BoardSeat CHIEF_EXECUTIVE = BoardSeat.single(BoardRole.CHIEF_EXECUTIVE);
    public static final BoardSeat FINANCE_DIRECTOR = BoardSeat.single(BoardRole.FINANCE_DIRECTOR);
    public static final BoardSeat MEDICAL_DIRECTOR = BoardSeat.single(BoardRole.MEDICAL_DIRECTOR);
    public static final BoardSeat DIRECTOR_OF_NURSING = BoardSeat.single(BoardRole.DIRECTOR_OF_NURSING);
    public static final BoardSeat NED_1 = BoardSeat.numbered(BoardRole.INDEPENDENT_NED, 1);
    public static final BoardSeat NED_2 = BoardSeat.numbered(BoardRole.INDEPENDENT_NED, 2);
    public static final BoardSeat TRUST_PARTNER = BoardSeat.numbered(BoardRole.PARTNER_TRUST, 1);
    public static final BoardSeat PRIMARY_CARE_PARTNER = BoardSeat.numbered(BoardRole.PARTNER_PRIMARY_CARE, 1);
    public static final BoardSeat LOCAL_AUTHORITY_PARTNER = BoardSeat.numbered(BoardRole.PARTNER_LOCAL_AUTHORITY, 1);

    /** The chair and chief executive confirmed as designates (after the second reading). */
    public static List<Object> chairAndChiefExecutive(IcsCode ics) {
        List<Object> commands = new ArrayList<>(secondReading(ics));
        commands.addAll(designate(ics, CHAIR, "Cedi Frederick"));
        commands.addAll(designate(ics, CHIEF_EXECUTIVE, "Paul Bentley"));
        return commands;
    }

    /** A board meeting its minimum composition with designates, the medical director knowing mental health. */
    public static List<Object> minimumBoard(IcsCode ics) {
        List<Object> commands = new ArrayList<>(chairAndChiefExecutive(ics));
        commands.addAll(designate(ics, FINANCE_DIRECTOR, "Finance Director"));
        commands.addAll(designate(ics, MEDICAL_DIRECTOR, "Medical Director", true));
        commands.addAll(designate(ics, DIRECTOR_OF_NURSING, "Director of Nursing"));
        commands.addAll(designate(ics, NED_1, "Independent Member One"));
        commands.addAll(designate(ics, NED_2, "Independent Member Two"));
        commands.addAll(designate(ics, TRUST_PARTNER, "Trust Partner"));
        commands.addAll(designate(ics, PRIMARY_CARE_PARTNER, "Primary Care Partner"));
        commands.addAll(designate(ics, LOCAL_AUTHORITY_PARTNER, "Local Authority Partner"));
        return commands;
    }

    /** Planning started and one assured item in each of the ten areas: ready to be signed off (DD-1 to DD-10). */
    public static List<Object> dueDiligenceReadyToSignOff(IcsCode ics) {
        List<Object> commands = new ArrayList<>();
        commands.add(new StartDueDiligencePlanning(ics, null));
        int n = 0;
        for (DueDiligenceArea area : DueDiligenceArea.values()) {
            n++;
            commands.add(new RaiseDueDiligenceItem(ics, area, area.description() + " reviewed", null));
            commands.add(new AssessDueDiligenceItem(
                    ics, DueDiligenceItemId.number(n), AssessmentOutcome.ASSURED, null, null, null));
        }
        return commands;
    }

    /** A draft constitution taken through engagement, ready to submit. */
    public static List<Object> constitutionReadyToSubmit(IcsCode ics) {
        return List.of(
                new RecordConstitutionDraft(ics, "KM-CONST-v1", "Model constitution adapted for Kent and Medway", null),
                new OpenConstitutionEngagement(ics, null),
                new CloseConstitutionEngagement(ics, null));
    }

    /** A manual milestone started and completed with evidence on the date given. */
    public static List<Object> completed(IcsCode ics, MilestoneCode milestone, LocalDate on) {
        return List.of(
                new StartMilestone(ics, milestone, null),
                new CompleteMilestone(
                        ics,
                        milestone,
                        on,
                        List.of(new Evidence("BOARD-PAPER-" + milestone.code(), "Board paper")),
                        null));
    }

    /** Several lists of commands, one after another. */
    @SafeVarargs
    public static List<Object> all(List<Object>... parts) {
        List<Object> commands = new ArrayList<>();
        Arrays.stream(parts).forEach(commands::addAll);
        return commands;
    }

    /** Several commands and lists of commands, one after another. */
    public static List<Object> steps(Object... parts) {
        List<Object> commands = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                commands.addAll(list);
            } else {
                commands.add(part);
            }
        }
        return commands;
    }
}
