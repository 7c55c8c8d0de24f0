package uk.nhs.ics.transition.domain.ics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.nhs.ics.transition.domain.Refusal;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.ics.BoardGap;
import uk.nhs.ics.transition.messages.ics.ConstitutionApproved;
import uk.nhs.ics.transition.messages.ics.ConstitutionDraftRecorded;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementClosed;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementOpened;
import uk.nhs.ics.transition.messages.ics.ConstitutionReturned;
import uk.nhs.ics.transition.messages.ics.ConstitutionStatus;
import uk.nhs.ics.transition.messages.ics.ConstitutionSubmitted;
import uk.nhs.ics.transition.messages.ics.MouAgreed;
import uk.nhs.ics.transition.messages.ics.MouDrafted;
import uk.nhs.ics.transition.messages.ics.MouStatus;

/**
 * The ICS NHS body's constitution and the 2022/23 MoU. The constitution goes
 * {@code DRAFTING → ENGAGEMENT_OPEN → ENGAGEMENT_CLOSED → SUBMITTED → APPROVED}, or from {@code SUBMITTED} back to
 * {@code DRAFTING} when the regional team returns it with comments. The MoU goes {@code DRAFTED → AGREED}.
 */
final class Constitution {

    private ConstitutionStatus status = ConstitutionStatus.DRAFTING;
    private int draftVersion;
    private boolean engagementEverClosed;
    private boolean returnedSinceLastDraft;
    private MouStatus mou = MouStatus.NOT_STARTED;

    ConstitutionStatus status() {
        return status;
    }

    int draftVersion() {
        return draftVersion;
    }

    boolean engagementEverClosed() {
        return engagementEverClosed;
    }

    boolean engagementEverOpened() {
        return engagementEverClosed || status == ConstitutionStatus.ENGAGEMENT_OPEN;
    }

    boolean isSubmitted() {
        return status == ConstitutionStatus.SUBMITTED || status == ConstitutionStatus.APPROVED;
    }

    MouStatus mou() {
        return mou;
    }

    @EventSourcingHandler
    void on(ConstitutionDraftRecorded event) {
        draftVersion = event.draftVersion();
        returnedSinceLastDraft = false;
        status = ConstitutionStatus.DRAFTING;
    }

    @EventSourcingHandler
    void on(ConstitutionEngagementOpened event) {
        status = ConstitutionStatus.ENGAGEMENT_OPEN;
    }

    @EventSourcingHandler
    void on(ConstitutionEngagementClosed event) {
        engagementEverClosed = true;
        status = ConstitutionStatus.ENGAGEMENT_CLOSED;
    }

    @EventSourcingHandler
    void on(ConstitutionSubmitted event) {
        status = ConstitutionStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ConstitutionApproved event) {
        status = ConstitutionStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ConstitutionReturned event) {
        returnedSinceLastDraft = true;
        status = ConstitutionStatus.DRAFTING;
    }

    @EventSourcingHandler
    void on(MouDrafted event) {
        mou = MouStatus.DRAFTED;
    }

    @EventSourcingHandler
    void on(MouAgreed event) {
        mou = MouStatus.AGREED;
    }

    void checkDraft() {
        require(ConstitutionStatus.DRAFTING, "a new draft can be recorded only while drafting");
    }

    void checkOpenEngagement() {
        require(ConstitutionStatus.DRAFTING, "engagement opens on a draft");
        if (draftVersion == 0) {
            throw Refusal.because(ErrorCode.NO_CONSTITUTION_DRAFT, "record a draft of the constitution first");
        }
        if (returnedSinceLastDraft) {
            throw Refusal.because(
                    ErrorCode.NO_CONSTITUTION_DRAFT,
                    "the constitution was returned with comments: record a revised draft before engagement reopens");
        }
    }

    void checkCloseEngagement() {
        require(ConstitutionStatus.ENGAGEMENT_OPEN, "only open engagement can be closed");
    }

    /**
     * A constitution is submitted after engagement, and only if the board meets its minimum composition with
     * designates, or the submission names each gap with a plan (and names nothing that is not a gap).
     */
    void checkSubmit(List<String> boardGaps, List<BoardGap> named) {
        require(ConstitutionStatus.ENGAGEMENT_CLOSED, "the constitution is submitted after engagement has closed");
        Set<String> namedRequirements = new TreeSet<>();
        named.forEach(gap -> namedRequirements.add(gap.requirement()));
        List<String> notGaps = new ArrayList<>(namedRequirements);
        notGaps.removeAll(boardGaps);
        if (!notGaps.isEmpty()) {
            throw Refusal.because(
                    ErrorCode.INVALID_INPUT,
                    "gaps",
                    "not gaps of the board: " + notGaps
                            + (boardGaps.isEmpty() ? " (the board meets its minimum)" : ""));
        }
        List<String> unnamed = new ArrayList<>(boardGaps);
        unnamed.removeAll(namedRequirements);
        if (!unnamed.isEmpty()) {
            throw Refusal.because(
                    ErrorCode.BOARD_GAPS_NOT_NAMED,
                    "gaps",
                    "the board does not yet meet its minimum composition; name each gap with a plan: " + unnamed);
        }
    }

    void checkDecide() {
        require(ConstitutionStatus.SUBMITTED, "only a submitted constitution can be approved or returned");
    }

    void checkDraftMou() {
        if (mou == MouStatus.AGREED) {
            throw Refusal.because(ErrorCode.INVALID_MOU_TRANSITION, "the MoU is agreed: it can no longer be redrafted");
        }
    }

    void checkAgreeMou() {
        if (mou != MouStatus.DRAFTED) {
            throw Refusal.because(
                    ErrorCode.INVALID_MOU_TRANSITION, "only a drafted MoU can be agreed (it is " + mou + ")");
        }
    }

    private void require(ConstitutionStatus expected, String rule) {
        if (status != expected) {
            throw Refusal.because(ErrorCode.INVALID_CONSTITUTION_TRANSITION, rule + " (it is " + status + ")");
        }
    }
}
