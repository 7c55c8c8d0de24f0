package uk.nhs.ics.transition.app.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import uk.nhs.ics.transition.messages.approval.ApprovalGranted;
import uk.nhs.ics.transition.messages.approval.ApprovalRejected;
import uk.nhs.ics.transition.messages.approval.ApprovalRequested;
import uk.nhs.ics.transition.messages.approval.ApprovalSuperseded;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;
import uk.nhs.ics.transition.messages.ccg.BoundaryChangeRegistered;
import uk.nhs.ics.transition.messages.ccg.CcgAbolished;
import uk.nhs.ics.transition.messages.ccg.CcgEstablishmentDateNoted;
import uk.nhs.ics.transition.messages.ccg.CcgLegislativeMilestoneNoted;
import uk.nhs.ics.transition.messages.ccg.CcgRegistered;
import uk.nhs.ics.transition.messages.ccg.ReceivingChiefExecutiveNoted;
import uk.nhs.ics.transition.messages.ccg.SchemeParty;
import uk.nhs.ics.transition.messages.ccg.TransferItemAdded;
import uk.nhs.ics.transition.messages.ccg.TransferItemAmended;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemId;
import uk.nhs.ics.transition.messages.ccg.TransferItemReference;
import uk.nhs.ics.transition.messages.ccg.TransferItemWithdrawn;
import uk.nhs.ics.transition.messages.ccg.TransferRegisterImported;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreementsReset;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeEffected;
import uk.nhs.ics.transition.messages.ccg.TransferSchemePartyAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeVaried;
import uk.nhs.ics.transition.messages.ccg.Wte;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.LegislativeMilestone;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.common.RegionCode;
import uk.nhs.ics.transition.messages.ics.AppointmentMadeSubstantive;
import uk.nhs.ics.transition.messages.ics.AppointmentStatus;
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.AssuranceCommentAdded;
import uk.nhs.ics.transition.messages.ics.BoardGap;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.CandidateWithdrawn;
import uk.nhs.ics.transition.messages.ics.ConstitutionApproved;
import uk.nhs.ics.transition.messages.ics.ConstitutionDraftRecorded;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementClosed;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementOpened;
import uk.nhs.ics.transition.messages.ics.ConstitutionReturned;
import uk.nhs.ics.transition.messages.ics.ConstitutionSubmitted;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.messages.ics.DueDiligenceCompleted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemAssessed;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemId;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemRaised;
import uk.nhs.ics.transition.messages.ics.DueDiligencePlanningStarted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignOffsWithdrawn;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignedOff;
import uk.nhs.ics.transition.messages.ics.IcsEstablishmentDateNoted;
import uk.nhs.ics.transition.messages.ics.IcsLegislativeMilestoneNoted;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.ics.MilestoneCompleted;
import uk.nhs.ics.transition.messages.ics.MilestoneFlaggedAtRisk;
import uk.nhs.ics.transition.messages.ics.MilestoneReopened;
import uk.nhs.ics.transition.messages.ics.MilestoneRiskCleared;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;
import uk.nhs.ics.transition.messages.ics.MouAgreed;
import uk.nhs.ics.transition.messages.ics.MouDrafted;
import uk.nhs.ics.transition.messages.ics.PreferredCandidateNamed;
import uk.nhs.ics.transition.messages.ics.RecruitmentProcess;
import uk.nhs.ics.transition.messages.ics.RecruitmentStarted;
import uk.nhs.ics.transition.messages.ics.RiskRating;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;
import uk.nhs.ics.transition.messages.ics.TransferSchemeAgreementNoted;
import uk.nhs.ics.transition.messages.operations.DeadLetterSkipped;
import uk.nhs.ics.transition.messages.programme.LegislativeMilestoneRecorded;
import uk.nhs.ics.transition.messages.programme.ProgrammeOpened;
import uk.nhs.ics.transition.messages.programme.ProgrammeRebaselined;
import uk.nhs.ics.transition.messages.region.RegionRegistered;

/**
 * Events as the history tells them, one or more of each type with every field distinct (so a phrase that reads the
 * wrong field, or a field renamed, shows) and every branch of a phrase taken: derived and manual milestones, each
 * kind of transfer item, optional facts present and absent.
 */
public final class NarrationSamples {

    private static final IcsCode KM = IcsCode.of("QKS");
    private static final IcsCode SUSSEX = IcsCode.of("QNX");
    private static final CcgCode KM_CCG = CcgCode.of("91Q");
    private static final BoardSeat NED_2 = BoardSeat.numbered(BoardRole.INDEPENDENT_NED, 2);
    private static final BoardSeat CHAIR = BoardSeat.single(BoardRole.CHAIR);
    private static final MilestoneCode MILESTONE = MilestoneCode.Q2_CHAIR_CEO_CONFIRMED;
    private static final LocalDate D1 = LocalDate.of(2021, 12, 24);
    private static final LocalDate D2 = LocalDate.of(2022, 1, 10);
    private static final TransferItemId T12 = TransferItemId.of("T-12");
    private static final TransferItemReference CON42 = TransferItemReference.of("CON-0042");

    private NarrationSamples() {}

    public static Stream<Object> events() {
        TransferItemDetails contract = new TransferItemDetails.Contract(
                "Community services", "Kent Community Health", Money.pence(123_456_789), D2, true);
        TransferItemDetails staff = new TransferItemDetails.Staff(
                "Finance team", 42, Wte.of(new BigDecimal("38.50")), "Administrative and clerical");
        TransferItemDetails staffNoGroup = new TransferItemDetails.Staff("Estates", 3, Wte.of(new BigDecimal("2")));
        TransferItemDetails asset = new TransferItemDetails.Asset("Oak House", Money.pence(250_000_00));
        TransferItemDetails liability = new TransferItemDetails.Liability("Lease of Elm Court", Money.pence(99));
        return Stream.of(
                new ApprovalRequested(
                        "A-1",
                        FourEyesAction.DUE_DILIGENCE_SIGN_OFF,
                        "QKS due diligence",
                        "QKS",
                        "PROGRAMME_MANAGER",
                        "QKS",
                        null,
                        12L,
                        "SignOffDueDiligence",
                        "{}",
                        "sign off QKS's due diligence",
                        "ready",
                        "Jane Smith",
                        D2),
                new ApprovalGranted(
                        "A-2",
                        FourEyesAction.CONSTITUTION_APPROVAL,
                        "QKS",
                        "QKS",
                        null,
                        "approve QKS's constitution",
                        "Sam Jones"),
                new ApprovalRejected(
                        "A-3",
                        FourEyesAction.CONSTITUTION_APPROVAL,
                        "QKS",
                        "QKS",
                        null,
                        "approve QKS's constitution",
                        "Sam Jones",
                        "the gaps have no plans"),
                new ApprovalSuperseded(
                        "A-4",
                        FourEyesAction.CONSTITUTION_APPROVAL,
                        "QKS",
                        "QKS",
                        null,
                        "approve QKS's constitution",
                        "A-5"),
                new DeadLetterSkipped("operations", "milestones", "ev-1", "QKS", 41L, "poison"),
                new RegionRegistered(RegionCode.of("Y59"), "South East"),
                new ProgrammeOpened("2021-22", Programme.JUNE_2021_BASELINE),
                new LegislativeMilestoneRecorded("2021-22", LegislativeMilestone.SECOND_READING, D1),
                new ProgrammeRebaselined(
                        "2021-22",
                        2,
                        D1,
                        Programme.JUNE_2021_BASELINE.rebaselined(
                                Programme.JUNE_2021_BASELINE.quarterEnds(),
                                LocalDate.of(2022, 7, 1),
                                java.util.Map.of()),
                        LocalDate.of(2022, 4, 1),
                        "the Bill is delayed"),
                new IcsTransitionOpened(
                        KM,
                        "Kent and Medway",
                        RegionCode.of("Y59"),
                        "E54000032",
                        "NHS Kent and Medway ICB",
                        List.of(KM_CCG),
                        List.of(MILESTONE, MilestoneCode.Q2_DUE_DILIGENCE_PLANNING),
                        List.of(CHAIR, NED_2, BoardSeat.single(BoardRole.CHIEF_EXECUTIVE)),
                        LocalDate.of(2022, 7, 1)),
                new IcsLegislativeMilestoneNoted(KM, LegislativeMilestone.ROYAL_ASSENT, D1),
                new IcsEstablishmentDateNoted(KM, LocalDate.of(2022, 7, 1)),
                new TransferSchemeAgreementNoted(KM, KM_CCG, D2),
                new MilestoneStarted(KM, MILESTONE, true),
                new MilestoneStarted(KM, MILESTONE, false),
                new MilestoneFlaggedAtRisk(KM, MILESTONE, "the chair withdrew"),
                new MilestoneRiskCleared(KM, MILESTONE, "a new chair is named"),
                new MilestoneCompleted(KM, MILESTONE, D1, List.of(), true),
                new MilestoneCompleted(
                        KM,
                        MILESTONE,
                        D2,
                        List.of(new Evidence("KM-1", "Board minutes"), new Evidence("KM-2", "Letter")),
                        false),
                new MilestoneCompleted(KM, MILESTONE, D2, List.of(new Evidence("KM-1", "Board minutes")), false),
                new MilestoneReopened(KM, MILESTONE, "no longer true", true),
                new MilestoneReopened(KM, MILESTONE, "evidence was wrong", false),
                new RecruitmentStarted(KM, NED_2, RecruitmentProcess.LOCAL),
                new PreferredCandidateNamed(KM, NED_2, "Cedi Frederick", List.of(), true),
                new PreferredCandidateNamed(KM, CHAIR, "Ann Other", List.of("Trust governor"), false),
                new DesignateAppointmentConfirmed(KM, CHAIR, "Cedi Frederick", D1),
                new CandidateWithdrawn(KM, CHAIR, "Ann Other", AppointmentStatus.DESIGNATE_CONFIRMED, "moved away"),
                new AppointmentMadeSubstantive(KM, CHAIR, "Cedi Frederick", LocalDate.of(2022, 7, 1)),
                new DueDiligencePlanningStarted(KM, D1),
                new DueDiligenceItemRaised(
                        KM, DueDiligenceItemId.of("DD-3"), DueDiligenceArea.QUALITY, "Serious incidents"),
                new DueDiligenceItemAssessed(KM, DueDiligenceItemId.of("DD-3"), AssessmentOutcome.ASSURED, null, null),
                new DueDiligenceItemAssessed(
                        KM, DueDiligenceItemId.of("DD-4"), AssessmentOutcome.ISSUE, RiskRating.HIGH, null),
                new DueDiligenceItemAssessed(
                        KM, DueDiligenceItemId.of("DD-5"), AssessmentOutcome.ISSUE, RiskRating.LOW, "monitored"),
                new DueDiligenceSignedOff(KM, "Paul Carter", SignOffCapacity.CCG_ACCOUNTABLE_OFFICER, KM_CCG),
                new DueDiligenceSignedOff(KM, "Cedi Frederick", SignOffCapacity.DESIGNATE_CHIEF_EXECUTIVE, null),
                new DueDiligenceSignOffsWithdrawn(KM, List.of("a", "b"), "an item was raised"),
                new DueDiligenceCompleted(KM, D2),
                new ConstitutionDraftRecorded(KM, 2, "KM-CONST-2", "Second draft"),
                new ConstitutionEngagementOpened(KM, 3, D1),
                new ConstitutionEngagementClosed(KM, 4, D2),
                new ConstitutionSubmitted(KM, 5, List.of(), D2),
                new ConstitutionSubmitted(
                        KM, 6, List.of(new BoardGap("CHAIR", "spring"), new BoardGap("CHIEF_EXECUTIVE", "summer")), D2),
                new ConstitutionApproved(KM, 7, "fine", D2),
                new ConstitutionReturned(KM, 8, "clarify"),
                new MouDrafted(KM, "KM-MOU-1"),
                new MouAgreed(KM, D2),
                new AssuranceCommentAdded(KM, 9, "Board papers were late"),
                new CcgRegistered(KM_CCG, "NHS Kent and Medway CCG", KM, "E38000237", LocalDate.of(2022, 7, 1)),
                new BoundaryChangeRegistered(KM_CCG, KM, SUSSEX, "Bexley fringe", 12, LocalDate.of(2022, 7, 1)),
                new CcgLegislativeMilestoneNoted(KM_CCG, LegislativeMilestone.THIRD_READING, D1),
                new CcgEstablishmentDateNoted(KM_CCG, LocalDate.of(2022, 7, 1)),
                new ReceivingChiefExecutiveNoted(KM_CCG, SUSSEX, "Adam Doyle"),
                new ReceivingChiefExecutiveNoted(KM_CCG, SUSSEX, null),
                new TransferItemAdded(KM_CCG, T12, KM, contract, CON42),
                new TransferItemAdded(KM_CCG, TransferItemId.of("T-13"), SUSSEX, staff, null),
                new TransferItemAdded(KM_CCG, TransferItemId.of("T-14"), KM, staffNoGroup, null),
                new TransferItemAdded(KM_CCG, TransferItemId.of("T-15"), KM, asset, null),
                new TransferItemAmended(
                        KM_CCG, TransferItemId.of("T-16"), SUSSEX, liability, TransferItemReference.of("LIA-7")),
                new TransferItemWithdrawn(KM_CCG, T12, "sold"),
                new TransferRegisterImported(KM_CCG, "register.csv", "ab12", 10, 4, 3, 2, 1, "monthly"),
                new TransferRegisterImported(KM_CCG, "one.csv", "cd34", 1, 1, 0, 0, 0, null),
                new TransferSchemePartyAgreed(KM_CCG, SchemeParty.ics(SUSSEX), "Adam Doyle"),
                new TransferSchemeAgreementsReset(KM_CCG, List.of(SchemeParty.CCG, SchemeParty.ics(KM)), "amended"),
                new TransferSchemeAgreed(KM_CCG, List.of(KM, SUSSEX), D2),
                new TransferSchemeVaried(KM_CCG, 3, "a late contract"),
                new TransferSchemeEffected(KM_CCG, LocalDate.of(2022, 7, 1)),
                new CcgAbolished(KM_CCG, LocalDate.of(2022, 7, 2)));
    }
}
