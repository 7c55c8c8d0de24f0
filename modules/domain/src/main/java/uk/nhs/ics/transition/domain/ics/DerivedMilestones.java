package uk.nhs.ics.transition.domain.ics;

import java.util.Set;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.MouStatus;

/**
 * The facts that complete each derived milestone, read from the state of the ICS transition. A derived milestone is
 * complete exactly when all its facts hold; it starts when the first of them is recorded, and reopens when one is
 * undone (a designate withdraws, a submitted constitution is returned).
 */
final class DerivedMilestones {

    /** How many of a milestone's facts hold. */
    enum Facts {
        NONE,
        SOME,
        ALL
    }

    private DerivedMilestones() {}

    static Facts facts(
            MilestoneCode milestone,
            Board board,
            DueDiligence dueDiligence,
            Constitution constitution,
            Set<CcgCode> agreedSchemes,
            Set<CcgCode> predecessors) {
        return switch (milestone) {
            case Q2_CHAIR_CEO_RECRUITED ->
                of(board.isRecruitmentStarted(BoardRole.CHAIR), board.isRecruitmentStarted(BoardRole.CHIEF_EXECUTIVE));
            case Q2_CHAIR_CEO_CONFIRMED ->
                of(board.isFilled(BoardRole.CHAIR), board.isFilled(BoardRole.CHIEF_EXECUTIVE));
            case Q2_DUE_DILIGENCE_PLANNING -> of(dueDiligence.stage() != DueDiligence.Stage.NOT_STARTED);
            case Q3_EXECUTIVES_RECRUITED ->
                of(
                        board.isRecruitmentStarted(BoardRole.FINANCE_DIRECTOR),
                        board.isRecruitmentStarted(BoardRole.MEDICAL_DIRECTOR),
                        board.isRecruitmentStarted(BoardRole.DIRECTOR_OF_NURSING));
            case Q3_EXECUTIVES_CONFIRMED ->
                of(
                        board.isFilled(BoardRole.FINANCE_DIRECTOR),
                        board.isFilled(BoardRole.MEDICAL_DIRECTOR),
                        board.isFilled(BoardRole.DIRECTOR_OF_NURSING));
            case Q3_CONSTITUTION_ENGAGEMENT ->
                constitution.engagementEverClosed()
                        ? Facts.ALL
                        : constitution.engagementEverOpened() ? Facts.SOME : Facts.NONE;
            case Q4_SENIOR_RECRUITED ->
                !board.hasVacantSeat() ? Facts.ALL : board.countNotVacant() > 0 ? Facts.SOME : Facts.NONE;
            case Q4_SENIOR_CONFIRMED -> board.meetsMinimum() ? Facts.ALL : board.anyFilled() ? Facts.SOME : Facts.NONE;
            case Q4_DUE_DILIGENCE_COMPLETE -> {
                boolean signedOff = dueDiligence.stage() == DueDiligence.Stage.SIGNED_OFF;
                boolean allAgreed = agreedSchemes.containsAll(predecessors);
                yield signedOff && allAgreed
                        ? Facts.ALL
                        : signedOff || !agreedSchemes.isEmpty() || dueDiligence.hasSignOffs() ? Facts.SOME : Facts.NONE;
            }
            case Q4_CONSTITUTION_SUBMITTED ->
                constitution.isSubmitted() ? Facts.ALL : constitution.draftVersion() > 0 ? Facts.SOME : Facts.NONE;
            case Q4_MOU_AGREED ->
                constitution.mou() == MouStatus.AGREED
                        ? Facts.ALL
                        : constitution.mou() == MouStatus.DRAFTED ? Facts.SOME : Facts.NONE;
            default -> throw new IllegalArgumentException(milestone + " is not derived");
        };
    }

    private static Facts of(boolean... facts) {
        int holding = 0;
        for (boolean fact : facts) {
            if (fact) {
                holding++;
            }
        }
        return holding == facts.length ? Facts.ALL : holding > 0 ? Facts.SOME : Facts.NONE;
    }
}
