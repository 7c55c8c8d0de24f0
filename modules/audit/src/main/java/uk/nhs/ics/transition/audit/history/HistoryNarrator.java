package uk.nhs.ics.transition.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Says in one sentence what each event means, who did it and why: "CHAIR confirmed as designate: Cedi Frederick, by
 * Jane Smith (QKS programme manager)". Every event type has its own phrase; {@link #knows} tells which do.
 */
public final class HistoryNarrator {

    private final Map<String, Function<JsonNode, String>> phrases = new HashMap<>();

    public HistoryNarrator() {
        // four eyes: requests that wait for a second person, and their decisions
        phrases.put(
                "ApprovalRequested",
                p -> "Asked for a second person's approval to " + text(p, "summary") + " (request "
                        + text(p, "approvalId") + ", open until " + text(p, "decidableUntil") + ")");
        phrases.put(
                "ApprovalGranted",
                p -> "Approved " + text(p, "requestedBy") + "'s request to " + text(p, "summary") + " (request "
                        + text(p, "approvalId") + ")");
        phrases.put(
                "ApprovalRejected",
                p -> "Rejected " + text(p, "requestedBy") + "'s request to " + text(p, "summary") + " (request "
                        + text(p, "approvalId") + "): " + text(p, "reason"));
        phrases.put(
                "ApprovalSuperseded",
                p -> "The request to " + text(p, "summary") + " (request " + text(p, "approvalId")
                        + ") was superseded by a later one");

        // the national programme and the regions
        phrases.put(
                "DeadLetterSkipped",
                p -> "Event " + text(p, "eventIdentifier") + " of " + text(p, "aggregate") + " skipped by the "
                        + text(p, "processor") + " read model");
        phrases.put("RegionRegistered", p -> "Region " + text(p, "regionCode") + " " + text(p, "name") + " registered");
        phrases.put(
                "ProgrammeOpened",
                p -> "National programme opened with the June 2021 baseline (establishment "
                        + text(p.path("baseline"), "establishmentDate") + ")");
        phrases.put(
                "LegislativeMilestoneRecorded",
                p -> "The Bill's " + words(text(p, "milestone")) + " recorded as " + text(p, "occurredOn"));
        phrases.put(
                "ProgrammeRebaselined",
                p -> "Programme re-baselined (baseline " + text(p, "baselineNumber")
                        + ", from " + text(p, "decidedOn") + "): establishment "
                        + text(p.path("baseline"), "establishmentDate")
                        + " (was " + text(p, "previousEstablishmentDate") + ")");

        // an ICS: opening and relayed facts
        phrases.put(
                "IcsTransitionOpened",
                p -> "Transition opened for " + text(p, "name") + " with "
                        + p.path("milestonePlan").size() + " milestones and "
                        + p.path("boardSeats").size() + " board seats");
        phrases.put(
                "IcsLegislativeMilestoneNoted",
                p -> "Noted the Bill's " + words(text(p, "milestone")) + " (" + text(p, "occurredOn") + ")");
        phrases.put(
                "IcsEstablishmentDateNoted",
                p -> "Noted the establishment date now in force: " + text(p, "establishmentDate"));
        phrases.put(
                "TransferSchemeAgreementNoted",
                p -> "Noted that " + text(p, "ccgCode") + "'s transfer scheme was agreed on " + text(p, "agreedOn"));

        // milestones
        phrases.put(
                "MilestoneStarted",
                p -> text(p, "milestone") + " started"
                        + (p.path("derived").asBoolean() ? " (the first of its facts was recorded)" : ""));
        phrases.put("MilestoneFlaggedAtRisk", p -> text(p, "milestone") + " flagged at risk");
        phrases.put("MilestoneRiskCleared", p -> text(p, "milestone") + " back on track");
        phrases.put(
                "MilestoneCompleted",
                p -> text(p, "milestone") + " completed on " + text(p, "completedOn")
                        + (p.path("derived").asBoolean()
                                ? " (its facts are all recorded)"
                                : " with " + count(p.path("evidence").size(), "piece", "pieces") + " of evidence"));
        phrases.put(
                "MilestoneReopened",
                p -> text(p, "milestone") + " reopened"
                        + (p.path("derived").asBoolean() ? " (one of its facts no longer holds)" : ""));

        // the board
        phrases.put(
                "RecruitmentStarted",
                p -> "Recruitment started for " + text(p, "seat") + " ("
                        + text(p, "process").toLowerCase(Locale.ROOT) + " process)");
        phrases.put(
                "PreferredCandidateNamed",
                p -> text(p, "candidateName") + " named preferred candidate for " + text(p, "seat")
                        + (p.path("mentalHealthExpertise").asBoolean() ? " (mental health expertise)" : ""));
        phrases.put(
                "DesignateAppointmentConfirmed",
                p -> text(p, "seat") + " confirmed as designate: " + text(p, "holderName"));
        phrases.put(
                "CandidateWithdrawn",
                p -> text(p, "candidateName") + " withdrawn from " + text(p, "seat") + " (was "
                        + words(text(p, "previousStatus")) + ")");
        phrases.put(
                "AppointmentMadeSubstantive",
                p -> text(p, "seat") + ": " + text(p, "holderName") + " made substantive from "
                        + text(p, "effectiveOn"));

        // due diligence
        phrases.put("DueDiligencePlanningStarted", p -> "Due diligence planning started");
        phrases.put(
                "DueDiligenceItemRaised",
                p -> "Due diligence item " + text(p, "itemId") + " raised (" + text(p, "area") + "): "
                        + text(p, "title"));
        phrases.put(
                "DueDiligenceItemAssessed",
                p -> "Due diligence item " + text(p, "itemId") + " assessed "
                        + text(p, "outcome")
                        + (p.hasNonNull("risk")
                                ? " (" + text(p, "risk") + " risk"
                                        + (p.hasNonNull("mitigation") ? ", mitigated" : ", not mitigated") + ")"
                                : ""));
        phrases.put(
                "DueDiligenceSignedOff",
                p -> "Due diligence signed off by " + text(p, "signatory") + " as " + words(text(p, "capacity"))
                        + (p.hasNonNull("ccgCode") ? " of " + text(p, "ccgCode") : ""));
        phrases.put(
                "DueDiligenceSignOffsWithdrawn",
                p -> "Due diligence sign-offs no longer stand ("
                        + count(p.path("signatories").size(), "signatory", "signatories") + ")");
        phrases.put("DueDiligenceCompleted", p -> "Due diligence complete (" + text(p, "completedOn") + ")");

        // constitution, MoU, assurance
        phrases.put(
                "ConstitutionDraftRecorded",
                p -> "Constitution draft " + text(p, "draftVersion") + " recorded (" + text(p, "documentReference")
                        + ")");
        phrases.put(
                "ConstitutionEngagementOpened",
                p -> "Engagement on constitution draft " + text(p, "draftVersion") + " opened");
        phrases.put(
                "ConstitutionEngagementClosed",
                p -> "Engagement on constitution draft " + text(p, "draftVersion") + " closed");
        phrases.put(
                "ConstitutionSubmitted",
                p -> "Constitution draft " + text(p, "draftVersion") + " submitted"
                        + (p.path("gaps").size() > 0
                                ? ", naming " + count(p.path("gaps").size(), "board gap", "board gaps") + " with plans"
                                : ""));
        phrases.put("ConstitutionApproved", p -> "Constitution draft " + text(p, "draftVersion") + " approved");
        phrases.put("ConstitutionReturned", p -> "Constitution draft " + text(p, "draftVersion") + " returned");
        phrases.put("MouDrafted", p -> "2022/23 MoU drafted (" + text(p, "documentReference") + ")");
        phrases.put("MouAgreed", p -> "2022/23 MoU agreed");
        phrases.put(
                "AssuranceCommentAdded",
                p -> "Assurance comment " + text(p, "commentNumber") + ": " + text(p, "comment"));

        // a CCG and its transfer scheme
        phrases.put(
                "CcgRegistered",
                p -> "CCG " + text(p, "ccgCode") + " " + text(p, "name") + " registered in " + text(p, "icsCode"));
        phrases.put(
                "BoundaryChangeRegistered",
                p -> "Boundary change registered: " + text(p, "area") + " moves from " + text(p, "fromIcs") + " to "
                        + text(p, "toIcs"));
        phrases.put(
                "CcgLegislativeMilestoneNoted",
                p -> "Noted the Bill's " + words(text(p, "milestone")) + " (" + text(p, "occurredOn") + ")");
        phrases.put(
                "CcgEstablishmentDateNoted",
                p -> "Noted the establishment date now in force: " + text(p, "establishmentDate"));
        phrases.put(
                "ReceivingChiefExecutiveNoted",
                p -> p.hasNonNull("holderName")
                        ? "Noted " + text(p, "holderName") + " as designate chief executive of " + text(p, "icsCode")
                        : "Noted that " + text(p, "icsCode") + " has no designate chief executive");
        phrases.put(
                "TransferItemAdded",
                p -> "Transfer item " + text(p, "itemId") + reference(p) + " added for " + text(p, "receivingIcs")
                        + ": " + item(p.path("details")));
        phrases.put(
                "TransferItemAmended",
                p -> "Transfer item " + text(p, "itemId") + reference(p) + " amended, for " + text(p, "receivingIcs")
                        + ": " + item(p.path("details")));
        phrases.put(
                "TransferRegisterImported",
                p -> "Register " + text(p, "fileName") + " imported ("
                        + count(p.path("rows").asInt(), "row", "rows")
                        + "): " + p.path("added").asInt() + " added, "
                        + p.path("amended").asInt() + " amended, "
                        + p.path("unchanged").asInt() + " unchanged, "
                        + p.path("withdrawn").asInt() + " withdrawn;"
                        + " SHA-256 " + text(p, "sha256"));
        phrases.put("TransferItemWithdrawn", p -> "Transfer item " + text(p, "itemId") + " withdrawn");
        phrases.put(
                "TransferSchemePartyAgreed",
                p -> "Transfer scheme agreed for " + text(p, "party") + " by " + text(p, "signatory"));
        phrases.put(
                "TransferSchemeAgreementsReset",
                p -> "Agreements to the transfer scheme no longer stand ("
                        + count(p.path("parties").size(), "party", "parties") + ")");
        phrases.put("TransferSchemeAgreed", p -> "Transfer scheme agreed by every party (" + text(p, "agreedOn") + ")");
        phrases.put(
                "TransferSchemeVaried",
                p -> "Variation " + text(p, "variationNumber") + " of the agreed transfer scheme recorded");
        phrases.put("TransferSchemeEffected", p -> "Transfer effected on " + text(p, "effectiveOn"));
        phrases.put("CcgAbolished", p -> "CCG abolished on " + text(p, "abolishedOn"));
    }

    /** The event types with a phrase of their own. */
    public Set<String> knows() {
        return Set.copyOf(phrases.keySet());
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
        String what = Optional.ofNullable(phrases.get(type))
                .map(p -> p.apply(payload))
                .orElseGet(() -> spelledOut(type));
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

    private static String item(JsonNode details) {
        String kind = text(details, "kind");
        String description = text(details, "description");
        return switch (kind) {
            case "ASSET", "LIABILITY" -> words(kind) + " " + description + ", " + pounds(details.path("value"));
            case "CONTRACT" ->
                "contract " + description + " with " + text(details, "counterparty") + ", "
                        + pounds(details.path("annualValue")) + " a year";
            case "STAFF" ->
                "staff group " + description
                        + (details.path("staffGroup").isTextual() ? " (" + text(details, "staffGroup") + ")" : "")
                        + ", " + text(details, "headcount") + " people (" + text(details, "wte") + " WTE)";
            default -> description;
        };
    }

    /** The CCG's own reference of an item, when it has one: " (CON-0042)". */
    private static String reference(JsonNode payload) {
        JsonNode reference = payload.path("reference");
        return reference.isTextual() ? " (" + reference.asText() + ")" : "";
    }

    private static String pounds(JsonNode pence) {
        long value = pence.asLong();
        return String.format(Locale.UK, "£%,d.%02d", value / 100, Math.abs(value % 100));
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String words(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }
}
