package uk.nhs.ics.transition.audit.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.ics.transition.messages.approval.ApprovalGranted;
import uk.nhs.ics.transition.messages.approval.ApprovalRejected;
import uk.nhs.ics.transition.messages.approval.ApprovalRequested;
import uk.nhs.ics.transition.messages.approval.ApprovalSuperseded;
import uk.nhs.ics.transition.messages.ccg.BoundaryChangeRegistered;
import uk.nhs.ics.transition.messages.ccg.CcgAbolished;
import uk.nhs.ics.transition.messages.ccg.CcgEstablishmentDateNoted;
import uk.nhs.ics.transition.messages.ccg.CcgLegislativeMilestoneNoted;
import uk.nhs.ics.transition.messages.ccg.CcgRegistered;
import uk.nhs.ics.transition.messages.ccg.ReceivingChiefExecutiveNoted;
import uk.nhs.ics.transition.messages.ccg.TransferItemAdded;
import uk.nhs.ics.transition.messages.ccg.TransferItemAmended;
import uk.nhs.ics.transition.messages.ccg.TransferItemDetails;
import uk.nhs.ics.transition.messages.ccg.TransferItemReference;
import uk.nhs.ics.transition.messages.ccg.TransferItemWithdrawn;
import uk.nhs.ics.transition.messages.ccg.TransferRegisterImported;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeAgreementsReset;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeEffected;
import uk.nhs.ics.transition.messages.ccg.TransferSchemePartyAgreed;
import uk.nhs.ics.transition.messages.ccg.TransferSchemeVaried;
import uk.nhs.ics.transition.messages.common.EstablishmentDateNoted;
import uk.nhs.ics.transition.messages.common.LegislativeStageNoted;
import uk.nhs.ics.transition.messages.common.Money;
import uk.nhs.ics.transition.messages.ics.AppointmentMadeSubstantive;
import uk.nhs.ics.transition.messages.ics.AssuranceCommentAdded;
import uk.nhs.ics.transition.messages.ics.CandidateWithdrawn;
import uk.nhs.ics.transition.messages.ics.ConstitutionApproved;
import uk.nhs.ics.transition.messages.ics.ConstitutionDraftRecorded;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementClosed;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementOpened;
import uk.nhs.ics.transition.messages.ics.ConstitutionReturned;
import uk.nhs.ics.transition.messages.ics.ConstitutionSubmitted;
import uk.nhs.ics.transition.messages.ics.DesignateAppointmentConfirmed;
import uk.nhs.ics.transition.messages.ics.DueDiligenceCompleted;
import uk.nhs.ics.transition.messages.ics.DueDiligenceItemAssessed;
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
import uk.nhs.ics.transition.messages.ics.RecruitmentStarted;
import uk.nhs.ics.transition.messages.ics.TransferSchemeAgreementNoted;
import uk.nhs.ics.transition.messages.operations.DeadLetterSkipped;
import uk.nhs.ics.transition.messages.programme.LegislativeMilestoneRecorded;
import uk.nhs.ics.transition.messages.programme.ProgrammeOpened;
import uk.nhs.ics.transition.messages.programme.ProgrammeRebaselined;
import uk.nhs.ics.transition.messages.region.RegionRegistered;

/**
 * Says in one sentence what each event means, who did it and why: "CHAIR confirmed as designate: Cedi Frederick, by
 * Jane Smith (QKS programme manager)". Every event type has its own phrase; {@link #knows} tells which do.
 *
 * <p>A phrase is written against the event's class: the stored facts are read back as that class (with the stored
 * form's object mapper), so a phrase names the event's fields by their accessors, and a field renamed or removed is a
 * compile error here rather than an empty word in every auditor's history.
 */
public final class HistoryNarrator {

    private static final Logger log = LoggerFactory.getLogger(HistoryNarrator.class);

    private final ObjectMapper storedForm;
    private final Map<String, Phrase<?>> phrases = new HashMap<>();

    public HistoryNarrator(ObjectMapper storedForm) {
        this.storedForm = storedForm;

        // four eyes: requests that wait for a second person, and their decisions
        phrase(
                ApprovalRequested.class,
                e -> "Asked for a second person's approval to " + e.summary() + " (request " + e.approvalId()
                        + ", open until " + text(e.decidableUntil()) + ")");
        phrase(
                ApprovalGranted.class,
                e -> "Approved " + e.requestedBy() + "'s request to " + e.summary() + " (request " + e.approvalId()
                        + ")");
        phrase(
                ApprovalRejected.class,
                e -> "Rejected " + e.requestedBy() + "'s request to " + e.summary() + " (request " + e.approvalId()
                        + "): " + text(e.reason()));
        phrase(
                ApprovalSuperseded.class,
                e -> "The request to " + e.summary() + " (request " + e.approvalId()
                        + ") was superseded by a later one");

        // the national programme and the regions
        phrase(
                DeadLetterSkipped.class,
                e -> "Event " + e.eventIdentifier() + " of " + e.aggregate() + " skipped by the " + e.processor()
                        + " read model");
        phrase(RegionRegistered.class, e -> "Region " + e.regionCode() + " " + e.name() + " registered");
        phrase(
                ProgrammeOpened.class,
                e -> "National programme opened with the June 2021 baseline (establishment "
                        + e.baseline().establishmentDate() + ")");
        phrase(
                LegislativeMilestoneRecorded.class,
                e -> "The Bill's " + words(e.milestone()) + " recorded as " + e.occurredOn());
        phrase(
                ProgrammeRebaselined.class,
                e -> "Programme re-baselined (baseline " + e.baselineNumber() + ", from " + e.decidedOn()
                        + "): establishment " + e.baseline().establishmentDate() + " (was "
                        + text(e.previousEstablishmentDate()) + ")");

        // an ICS: opening and relayed facts
        phrase(
                IcsTransitionOpened.class,
                e -> "Transition opened for " + e.name() + " with "
                        + e.milestonePlan().size() + " milestones and "
                        + e.boardSeats().size() + " board seats");
        phrase(IcsLegislativeMilestoneNoted.class, HistoryNarrator::stageNoted);
        phrase(IcsEstablishmentDateNoted.class, HistoryNarrator::dateNoted);
        phrase(
                TransferSchemeAgreementNoted.class,
                e -> "Noted that " + e.ccgCode() + "'s transfer scheme was agreed on " + e.agreedOn());

        // milestones
        phrase(
                MilestoneStarted.class,
                e -> e.milestone() + " started" + (e.derived() ? " (the first of its facts was recorded)" : ""));
        phrase(MilestoneFlaggedAtRisk.class, e -> e.milestone() + " flagged at risk");
        phrase(MilestoneRiskCleared.class, e -> e.milestone() + " back on track");
        phrase(
                MilestoneCompleted.class,
                e -> e.milestone() + " completed on " + e.completedOn()
                        + (e.derived()
                                ? " (its facts are all recorded)"
                                : " with " + count(e.evidence().size(), "piece", "pieces") + " of evidence"));
        phrase(
                MilestoneReopened.class,
                e -> e.milestone() + " reopened" + (e.derived() ? " (one of its facts no longer holds)" : ""));

        // the board
        phrase(
                RecruitmentStarted.class,
                e -> "Recruitment started for " + e.seat() + " (" + words(e.process()) + " process)");
        phrase(
                PreferredCandidateNamed.class,
                e -> e.candidateName() + " named preferred candidate for " + e.seat()
                        + (e.mentalHealthExpertise() ? " (mental health expertise)" : ""));
        phrase(DesignateAppointmentConfirmed.class, e -> e.seat() + " confirmed as designate: " + text(e.holderName()));
        phrase(
                CandidateWithdrawn.class,
                e -> text(e.candidateName()) + " withdrawn from " + e.seat() + " (was " + words(e.previousStatus())
                        + ")");
        phrase(
                AppointmentMadeSubstantive.class,
                e -> e.seat() + ": " + text(e.holderName()) + " made substantive from " + e.effectiveOn());

        // due diligence
        phrase(DueDiligencePlanningStarted.class, e -> "Due diligence planning started");
        phrase(
                DueDiligenceItemRaised.class,
                e -> "Due diligence item " + e.itemId() + " raised (" + e.area().name() + "): " + e.title());
        phrase(
                DueDiligenceItemAssessed.class,
                e -> "Due diligence item " + e.itemId() + " assessed "
                        + e.outcome().name()
                        + (e.risk() != null
                                ? " (" + e.risk().name() + " risk"
                                        + (e.mitigation() != null ? ", mitigated" : ", not mitigated") + ")"
                                : ""));
        phrase(
                DueDiligenceSignedOff.class,
                e -> "Due diligence signed off by " + e.signatory() + " as " + words(e.capacity())
                        + (e.ccgCode() != null ? " of " + e.ccgCode() : ""));
        phrase(
                DueDiligenceSignOffsWithdrawn.class,
                e -> "Due diligence sign-offs no longer stand ("
                        + count(e.signatories().size(), "signatory", "signatories") + ")");
        phrase(DueDiligenceCompleted.class, e -> "Due diligence complete (" + e.completedOn() + ")");

        // constitution, MoU, assurance
        phrase(
                ConstitutionDraftRecorded.class,
                e -> "Constitution draft " + e.draftVersion() + " recorded (" + e.documentReference() + ")");
        phrase(
                ConstitutionEngagementOpened.class,
                e -> "Engagement on constitution draft " + e.draftVersion() + " opened");
        phrase(
                ConstitutionEngagementClosed.class,
                e -> "Engagement on constitution draft " + e.draftVersion() + " closed");
        phrase(
                ConstitutionSubmitted.class,
                e -> "Constitution draft " + e.draftVersion() + " submitted"
                        + (e.gaps().isEmpty()
                                ? ""
                                : ", naming " + count(e.gaps().size(), "board gap", "board gaps") + " with plans"));
        phrase(ConstitutionApproved.class, e -> "Constitution draft " + e.draftVersion() + " approved");
        phrase(ConstitutionReturned.class, e -> "Constitution draft " + e.draftVersion() + " returned");
        phrase(MouDrafted.class, e -> "2022/23 MoU drafted (" + e.documentReference() + ")");
        phrase(MouAgreed.class, e -> "2022/23 MoU agreed");
        phrase(AssuranceCommentAdded.class, e -> "Assurance comment " + e.commentNumber() + ": " + e.comment());

        // a CCG and its transfer scheme
        phrase(CcgRegistered.class, e -> "CCG " + e.ccgCode() + " " + e.name() + " registered in " + e.icsCode());
        phrase(
                BoundaryChangeRegistered.class,
                e -> "Boundary change registered: " + e.area() + " moves from " + e.fromIcs() + " to " + e.toIcs());
        phrase(CcgLegislativeMilestoneNoted.class, HistoryNarrator::stageNoted);
        phrase(CcgEstablishmentDateNoted.class, HistoryNarrator::dateNoted);
        phrase(
                ReceivingChiefExecutiveNoted.class,
                e -> e.holderName() != null
                        ? "Noted " + e.holderName() + " as designate chief executive of " + e.icsCode()
                        : "Noted that " + e.icsCode() + " has no designate chief executive");
        phrase(
                TransferItemAdded.class,
                e -> "Transfer item " + e.itemId() + reference(e.reference()) + " added for " + e.receivingIcs() + ": "
                        + item(e.details()));
        phrase(
                TransferItemAmended.class,
                e -> "Transfer item " + e.itemId() + reference(e.reference()) + " amended, for " + e.receivingIcs()
                        + ": " + item(e.details()));
        phrase(
                TransferRegisterImported.class,
                e -> "Register " + e.fileName() + " imported (" + count(e.rows(), "row", "rows") + "): " + e.added()
                        + " added, " + e.amended() + " amended, " + e.unchanged() + " unchanged, " + e.withdrawn()
                        + " withdrawn; SHA-256 " + e.sha256());
        phrase(TransferItemWithdrawn.class, e -> "Transfer item " + e.itemId() + " withdrawn");
        phrase(
                TransferSchemePartyAgreed.class,
                e -> "Transfer scheme agreed for " + e.party() + " by " + e.signatory());
        phrase(
                TransferSchemeAgreementsReset.class,
                e -> "Agreements to the transfer scheme no longer stand ("
                        + count(e.parties().size(), "party", "parties") + ")");
        phrase(TransferSchemeAgreed.class, e -> "Transfer scheme agreed by every party (" + e.agreedOn() + ")");
        phrase(
                TransferSchemeVaried.class,
                e -> "Variation " + e.variationNumber() + " of the agreed transfer scheme recorded");
        phrase(TransferSchemeEffected.class, e -> "Transfer effected on " + e.effectiveOn());
        phrase(CcgAbolished.class, e -> "CCG abolished on " + e.abolishedOn());
    }

    /** What an event of one type says, read from the event itself. */
    private record Phrase<E>(Class<E> type, Function<E, String> says) {

        String say(ObjectMapper storedForm, JsonNode payload) throws JsonProcessingException {
            return says.apply(storedForm.treeToValue(payload, type));
        }
    }

    private <E> void phrase(Class<E> type, Function<E, String> says) {
        if (phrases.put(type.getSimpleName(), new Phrase<>(type, says)) != null) {
            throw new IllegalStateException("two phrases for " + type.getSimpleName());
        }
    }

    /** The event types with a phrase of their own. */
    public Set<Class<?>> knows() {
        return phrases.values().stream().map(Phrase::type).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * What an event says, without who did it: read as its own class, so a phrase can only name what the event has.
     *
     * @param type the event type's simple name, as the trail keeps it
     * @param payload the event's facts, in the stored form
     * @return the phrase, or empty for a type without one
     * @throws JsonProcessingException when the facts do not read as the type says
     */
    public Optional<String> phrase(String type, JsonNode payload) throws JsonProcessingException {
        Phrase<?> phrase = phrases.get(type);
        return phrase == null ? Optional.empty() : Optional.of(phrase.say(storedForm, payload));
    }

    /**
     * The sentence for one entry of the trail.
     *
     * @param type the event type
     * @param payload the event's facts
     * @param actorName who made the change
     * @param actorRole the role they acted in
     * @param actorScope the organisation the role was held for
     * @param reason why, if a reason was given
     */
    public String sentence(
            String type, JsonNode payload, String actorName, String actorRole, String actorScope, String reason) {
        return sentence(type, payload, actorName, actorRole, actorScope, reason, null, null, null);
    }

    /**
     * The sentence for one entry of the trail made under a second person's approval (four eyes): "..., by Jane Smith
     * (QJG programme manager), approved by Sam Jones (QJG programme manager)".
     *
     * @param approverName who approved the change, or {@code null} when nobody had to
     * @param approverRole the role they approved it in
     * @param approverScope the organisation that role was held for
     */
    public String sentence(
            String type,
            JsonNode payload,
            String actorName,
            String actorRole,
            String actorScope,
            String reason,
            String approverName,
            String approverRole,
            String approverScope) {
        String what;
        try {
            what = phrase(type, payload).orElseGet(() -> spelledOut(type));
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            // the history still reads; the operator learns that an event's stored form does not match its type
            log.warn("A {} event's stored form does not read as its type: {}", type, unreadable.getMessage());
            what = spelledOut(type);
        }
        StringBuilder sentence =
                new StringBuilder(what).append(", by ").append(actor(actorName, actorRole, actorScope));
        if (approverName != null || approverRole != null) {
            sentence.append(", approved by ").append(actor(approverName, approverRole, approverScope));
        }
        if (reason != null && !reason.isBlank()) {
            sentence.append(": ").append(reason);
        }
        return sentence.toString();
    }

    /** An event type without a phrase (one added later, say) still reads: "SomethingHappened" is "Something happened". */
    private static String spelledOut(String type) {
        String words = type.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? "A change" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String actor(String name, String role, String scope) {
        if (role == null || "SYSTEM".equals(role)) {
            return "the service" + (name == null ? "" : " (" + name + ")");
        }
        String capacity =
                switch (role) {
                    case "PROGRAMME_MANAGER" -> (scope == null ? "" : scope + " ") + "programme manager";
                    case "REGIONAL_OVERSIGHT" -> (scope == null ? "" : scope + " ") + "regional oversight";
                    case "NATIONAL_PROGRAMME" -> "national programme team";
                    default -> words(role);
                };
        return (name == null ? "someone" : name) + " (" + capacity + ")";
    }

    private static String stageNoted(LegislativeStageNoted event) {
        return "Noted the Bill's " + words(event.milestone()) + " (" + event.occurredOn() + ")";
    }

    private static String dateNoted(EstablishmentDateNoted event) {
        return "Noted the establishment date now in force: " + event.establishmentDate();
    }

    private static String item(TransferItemDetails details) {
        if (details instanceof TransferItemDetails.Asset asset) {
            return "asset " + asset.description() + ", " + pounds(asset.value());
        }
        if (details instanceof TransferItemDetails.Liability liability) {
            return "liability " + liability.description() + ", " + pounds(liability.value());
        }
        if (details instanceof TransferItemDetails.Contract contract) {
            return "contract " + contract.description() + " with " + contract.counterparty() + ", "
                    + pounds(contract.annualValue()) + " a year";
        }
        TransferItemDetails.Staff staff = (TransferItemDetails.Staff) details;
        return "staff group " + staff.description()
                + (staff.staffGroup() != null ? " (" + staff.staffGroup() + ")" : "") + ", " + staff.headcount()
                + " people (" + staff.wte().value().stripTrailingZeros().toPlainString() + " WTE)";
    }

    /** The CCG's own reference of an item, when it has one: " (CON-0042)". */
    private static String reference(TransferItemReference reference) {
        return reference != null ? " (" + reference + ")" : "";
    }

    private static String pounds(Money money) {
        long value = money.pence();
        return String.format(Locale.UK, "£%,d.%02d", value / 100, Math.abs(value % 100));
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String words(Enum<?> code) {
        return words(code == null ? null : code.name());
    }

    private static String words(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A value that may be absent in events recorded before it was known, as text ("" when absent). */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
