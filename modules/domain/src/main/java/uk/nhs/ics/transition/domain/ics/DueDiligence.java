package uk.nhs.ics.transition.domain.ics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventsourcing.EventSourcingHandler;
import uk.nhs.ics.transition.domain.PersonNames;
import uk.nhs.ics.transition.domain.Refusal;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.messages.ics.DueDiligenceCompleted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemAssessed;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemId;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemRaised;
import uk.nhs.ics.transition.messages.ics.DueDiligencePlanningStarted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignOffsWithdrawn;
import uk.nhs.ics.transition.messages.ics.DueDiligenceSignedOff;
import uk.nhs.ics.transition.messages.ics.RiskRating;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;

/**
 * One ICS's due diligence: planning starts it, items are raised in the checklist's areas and assessed, and it is
 * signed off by the accountable officer of every predecessor CCG and by the designate chief executive.
 *
 * <p>Sign-off is refused while any item is open, any high-risk issue is unmitigated, or any area has no item (an area
 * that does not apply is recorded as an assured item saying so). Sign-offs given before the items change no longer
 * stand: the signatories signed a different set of facts.
 */
final class DueDiligence {

    enum Stage {
        NOT_STARTED,
        IN_PROGRESS,
        SIGNED_OFF
    }

    record Item(DueDiligenceArea area, String title, AssessmentOutcome outcome, RiskRating risk, String mitigation) {

        boolean isUnmitigatedHighRisk() {
            return outcome == AssessmentOutcome.ISSUE && risk == RiskRating.HIGH && mitigation == null;
        }
    }

    private Stage stage = Stage.NOT_STARTED;
    private final Map<DueDiligenceItemId, Item> items = new LinkedHashMap<>();
    private int lastItemNumber;
    private final Set<CcgCode> ccgSignOffs = new TreeSet<>();
    private String chiefExecutiveSignOff;

    Stage stage() {
        return stage;
    }

    @EventSourcingHandler
    void on(DueDiligencePlanningStarted event) {
        stage = Stage.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(DueDiligenceCompleted event) {
        stage = Stage.SIGNED_OFF;
    }

    DueDiligenceItemId nextItemId() {
        return DueDiligenceItemId.number(lastItemNumber + 1);
    }

    @EventSourcingHandler
    void on(DueDiligenceItemRaised event) {
        items.put(event.itemId(), new Item(event.area(), event.title(), AssessmentOutcome.OPEN, null, null));
        lastItemNumber = event.itemId().number();
    }

    @EventSourcingHandler
    void on(DueDiligenceItemAssessed event) {
        Item item = items.get(event.itemId());
        items.put(
                event.itemId(), new Item(item.area(), item.title(), event.outcome(), event.risk(), event.mitigation()));
    }

    @EventSourcingHandler
    void on(DueDiligenceSignedOff event) {
        if (event.capacity() == SignOffCapacity.CCG_ACCOUNTABLE_OFFICER) {
            ccgSignOffs.add(event.ccgCode());
        } else {
            chiefExecutiveSignOff = event.signatory();
        }
    }

    @EventSourcingHandler
    void on(DueDiligenceSignOffsWithdrawn event) {
        ccgSignOffs.clear();
        chiefExecutiveSignOff = null;
    }

    /** The signatories whose sign-off stands so far, for the record when they are withdrawn. */
    List<String> signatories() {
        List<String> signatories = new ArrayList<>();
        ccgSignOffs.forEach(ccg -> signatories.add("accountable officer of " + ccg));
        if (chiefExecutiveSignOff != null) {
            signatories.add(chiefExecutiveSignOff + " (designate chief executive)");
        }
        return signatories;
    }

    boolean hasSignOffs() {
        return !ccgSignOffs.isEmpty() || chiefExecutiveSignOff != null;
    }

    boolean hasChiefExecutiveSignOff() {
        return chiefExecutiveSignOff != null;
    }

    boolean isSignedOffByAll(Set<CcgCode> predecessors) {
        return chiefExecutiveSignOff != null && ccgSignOffs.containsAll(predecessors);
    }

    void checkStart() {
        if (stage != Stage.NOT_STARTED) {
            throw Refusal.because(
                    ErrorCode.DUE_DILIGENCE_ALREADY_STARTED, "due diligence planning has already started");
        }
    }

    void checkChangeItems() {
        if (stage == Stage.NOT_STARTED) {
            throw Refusal.because(ErrorCode.DUE_DILIGENCE_NOT_STARTED, "start due diligence planning first");
        }
        if (stage == Stage.SIGNED_OFF) {
            throw Refusal.because(
                    ErrorCode.DUE_DILIGENCE_SIGNED_OFF, "due diligence is signed off: its items can no longer change");
        }
    }

    void checkAssess(DueDiligenceItemId id, AssessmentOutcome outcome, RiskRating risk) {
        checkChangeItems();
        if (!items.containsKey(id)) {
            throw Refusal.because(ErrorCode.UNKNOWN_DUE_DILIGENCE_ITEM, "itemId", "no due diligence item " + id);
        }
        if (outcome == AssessmentOutcome.OPEN) {
            throw Refusal.because(
                    ErrorCode.INVALID_INPUT, "outcome", "an assessment is ASSURED, or an ISSUE with its risk");
        }
        if (outcome == AssessmentOutcome.ISSUE && risk == null) {
            throw Refusal.because(
                    ErrorCode.ISSUE_NEEDS_RISK, "risk", "an issue needs a risk rating: LOW, MEDIUM or HIGH");
        }
    }

    /**
     * A sign-off needs complete due diligence and a rightful signatory who has not signed yet.
     *
     * @param predecessors the CCGs whose accountable officers sign
     * @param chiefExecutive the designate chief executive's name, or {@code null} if there is none
     */
    void checkSignOff(
            SignOffCapacity capacity, CcgCode ccg, String signatory, Set<CcgCode> predecessors, String chiefExecutive) {
        checkChangeItems();
        List<String> missing = whatIsMissing();
        if (!missing.isEmpty()) {
            throw Refusal.because(
                    ErrorCode.DUE_DILIGENCE_INCOMPLETE,
                    "due diligence cannot be signed off: " + String.join("; ", missing));
        }
        if (capacity == SignOffCapacity.CCG_ACCOUNTABLE_OFFICER) {
            if (ccg == null || !predecessors.contains(ccg)) {
                throw Refusal.because(
                        ErrorCode.NOT_A_SIGNATORY,
                        "ccgCode",
                        "only the accountable officer of a predecessor CCG (" + predecessors + ") signs off");
            }
            if (ccgSignOffs.contains(ccg)) {
                throw Refusal.because(
                        ErrorCode.ALREADY_SIGNED, "the accountable officer of " + ccg + " has signed off");
            }
        } else {
            if (chiefExecutive == null) {
                throw Refusal.because(
                        ErrorCode.NO_DESIGNATE_CHIEF_EXECUTIVE, "there is no designate chief executive to sign off");
            }
            if (!PersonNames.same(chiefExecutive, signatory)) {
                throw Refusal.because(
                        ErrorCode.NOT_A_SIGNATORY,
                        "signatory",
                        signatory + " is not the designate chief executive (" + chiefExecutive + ")");
            }
            if (chiefExecutiveSignOff != null) {
                throw Refusal.because(ErrorCode.ALREADY_SIGNED, "the designate chief executive has signed off");
            }
        }
    }

    /** Why due diligence is not yet complete: open items, unmitigated high risks, areas without items. */
    List<String> whatIsMissing() {
        List<String> missing = new ArrayList<>();
        Set<DueDiligenceArea> covered = EnumSet.noneOf(DueDiligenceArea.class);
        List<String> open = new ArrayList<>();
        List<String> unmitigated = new ArrayList<>();
        items.forEach((id, item) -> {
            covered.add(item.area());
            if (item.outcome() == AssessmentOutcome.OPEN) {
                open.add(id.value());
            }
            if (item.isUnmitigatedHighRisk()) {
                unmitigated.add(id.value());
            }
        });
        if (!open.isEmpty()) {
            missing.add("items still open: " + String.join(", ", open));
        }
        if (!unmitigated.isEmpty()) {
            missing.add("high-risk issues without mitigation: " + String.join(", ", unmitigated));
        }
        Set<DueDiligenceArea> uncovered = EnumSet.allOf(DueDiligenceArea.class);
        uncovered.removeAll(covered);
        if (!uncovered.isEmpty()) {
            missing.add("areas without any item: " + uncovered);
        }
        return missing;
    }
}
