package uk.nhs.ics.transition.web.csv;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.nhs.ics.transition.audit.history.HistoryEntry;
import uk.nhs.ics.transition.audit.trail.AuditEvent;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.projections.readiness.IcsRating;
import uk.nhs.ics.transition.projections.readiness.MilestoneView;
import uk.nhs.ics.transition.projections.readiness.OverdueMilestone;
import uk.nhs.ics.transition.projections.readiness.RatingCounts;
import uk.nhs.ics.transition.projections.transfer.CcgSummary;
import uk.nhs.ics.transition.web.reference.ReferenceDataController.RegionWithRatings;

/**
 * Every table the API serves as CSV, by the type of its rows: a list or page of such rows answers {@code text/csv}
 * with these columns, and the OpenAPI description lists them. Answers that say for themselves how they read as a table
 * ({@link CsvView}: the readiness summaries, a register and its import report, the pages' downloads) are the rest.
 * A type not declared here does not answer CSV.
 */
public final class CsvTables {

    /** The audit trail, one row per event: the {@code /audit/events} page and the streamed export alike. */
    public static final CsvTable<AuditEvent> AUDIT_EVENTS = CsvTable.of(AuditEvent.class)
            .column("sequence", AuditEvent::sequence)
            .column("globalIndex", AuditEvent::globalIndex)
            .column("eventIdentifier", AuditEvent::eventIdentifier)
            .column("occurredAt", AuditEvent::occurredAt)
            .column("type", AuditEvent::type)
            .column("aggregateType", AuditEvent::aggregateType)
            .column("aggregate", AuditEvent::aggregate)
            .column("aggregateVersion", AuditEvent::aggregateVersion)
            .column("icsCode", AuditEvent::icsCode)
            .column("ccgCode", AuditEvent::ccgCode)
            .column("actor", AuditEvent::actor)
            .column("actorName", AuditEvent::actorName)
            .column("actorRole", AuditEvent::actorRole)
            .column("actorScope", AuditEvent::actorScope)
            .column("reason", AuditEvent::reason)
            .column("correlationId", AuditEvent::correlationId)
            .column("causationId", AuditEvent::causationId)
            .column("clientAddress", AuditEvent::clientAddress)
            .column("payload", AuditEvent::payload)
            .column("hash", AuditEvent::hash)
            .column("previousHash", AuditEvent::previousHash)
            .column("clientRequestId", AuditEvent::clientRequestId)
            .column("seal", AuditEvent::seal)
            .column("traceId", AuditEvent::traceId)
            .column("approvalId", AuditEvent::approvalId)
            .column("approvedBy", AuditEvent::approvedBy)
            .column("approvedByName", AuditEvent::approvedByName)
            .column("approvedByRole", AuditEvent::approvedByRole)
            .column("approvedByScope", AuditEvent::approvedByScope)
            .build();

    /** An ICS's history, one row per change. */
    public static final CsvTable<HistoryEntry> HISTORY = CsvTable.of(HistoryEntry.class)
            .column("sequence", HistoryEntry::sequence)
            .column("occurredAt", HistoryEntry::occurredAt)
            .column("type", HistoryEntry::type)
            .column("aggregate", HistoryEntry::aggregate)
            .column("aggregateVersion", HistoryEntry::aggregateVersion)
            .column("actor", HistoryEntry::actor)
            .column("actorRole", HistoryEntry::actorRole)
            .column("reason", HistoryEntry::reason)
            .column("correlationId", HistoryEntry::correlationId)
            .column("summary", HistoryEntry::summary)
            .column("approvedBy", HistoryEntry::approvedBy)
            .build();

    /** The regions, each with its ICSs counted by overall rating. */
    public static final CsvTable<RegionWithRatings> REGIONS = CsvTable.of(RegionWithRatings.class)
            .column("code", RegionWithRatings::code)
            .column("name", RegionWithRatings::name)
            .column("icsCount", RegionWithRatings::icsCount)
            .column("ratings.green", counted(RegionWithRatings::ratings, RatingCounts::green))
            .column("ratings.amber", counted(RegionWithRatings::ratings, RatingCounts::amber))
            .column("ratings.red", counted(RegionWithRatings::ratings, RatingCounts::red))
            .build();

    /** The ICSs, each with its ratings (one column per quarter rated) and progress. */
    public static final CsvTable<IcsRating> SYSTEMS = CsvTable.of(IcsRating.class)
            .column("code", IcsRating::code)
            .column("name", IcsRating::name)
            .column("regionCode", IcsRating::regionCode)
            .column("overallRating", IcsRating::overallRating)
            .keyed("ratingsByQuarter", IcsRating::ratingsByQuarter)
            .column("milestonesComplete", IcsRating::milestonesComplete)
            .column("milestonesTotal", IcsRating::milestonesTotal)
            .column("percentComplete", IcsRating::percentComplete)
            .column("overdueCount", IcsRating::overdueCount)
            .build();

    /** The CCGs and where their schemes stand. */
    public static final CsvTable<CcgSummary> CCGS = CsvTable.of(CcgSummary.class)
            .column("code", CcgSummary::code)
            .column("name", CcgSummary::name)
            .column("icsCode", CcgSummary::icsCode)
            .column("schemeStatus", CcgSummary::schemeStatus)
            .column("abolishedOn", CcgSummary::abolishedOn)
            .build();

    /** The overdue milestones. */
    public static final CsvTable<OverdueMilestone> OVERDUE = CsvTable.of(OverdueMilestone.class)
            .column("icsCode", OverdueMilestone::icsCode)
            .column("icsName", OverdueMilestone::icsName)
            .column("regionCode", OverdueMilestone::regionCode)
            .column("milestone", OverdueMilestone::milestone)
            .column("title", OverdueMilestone::title)
            .column("quarter", OverdueMilestone::quarter)
            .column("dueDate", OverdueMilestone::dueDate)
            .column("daysOverdue", OverdueMilestone::daysOverdue)
            .column("status", OverdueMilestone::status)
            .build();

    /** An ICS's milestones, each with its rating and evidence. */
    public static final CsvTable<MilestoneView> MILESTONES = CsvTable.of(MilestoneView.class)
            .column("code", MilestoneView::code)
            .column("quarter", MilestoneView::quarter)
            .column("title", MilestoneView::title)
            .column("requirement", MilestoneView::requirement)
            .column("kind", MilestoneView::kind)
            .column("completingFacts", MilestoneView::completingFacts)
            .column("dueDate", MilestoneView::dueDate)
            .column("status", MilestoneView::status)
            .column("rating", MilestoneView::rating)
            .column("ratingRule", MilestoneView::ratingRule)
            .column("completeLate", MilestoneView::completeLate)
            .column("overdue", MilestoneView::overdue)
            .column("completedOn", MilestoneView::completedOn)
            .column("evidence", milestone -> evidence(milestone.evidence()))
            .column("atRiskReason", MilestoneView::atRiskReason)
            .column("note", MilestoneView::note)
            .build();

    private static final Map<Class<?>, CsvTable<?>> BY_ROW =
            List.of(AUDIT_EVENTS, HISTORY, REGIONS, SYSTEMS, CCGS, OVERDUE, MILESTONES).stream()
                    .collect(Collectors.toUnmodifiableMap(CsvTable::rowType, table -> table));

    private CsvTables() {}

    /** The table of rows of the type, if the API serves one. */
    public static Optional<CsvTable<?>> forRows(Class<?> rowType) {
        return Optional.ofNullable(BY_ROW.get(rowType));
    }

    /** Evidence in one readable cell: "reference=..., description=..." for each piece, joined with " | ". */
    private static String evidence(List<Evidence> evidence) {
        if (evidence == null) {
            return null;
        }
        return evidence.stream()
                .map(piece -> "reference=" + text(piece.reference()) + ", description=" + text(piece.description()))
                .collect(Collectors.joining(" | "));
    }

    private static <T> Function<T, Integer> counted(
            Function<T, RatingCounts> counts, Function<RatingCounts, Integer> count) {
        return row -> {
            RatingCounts ratings = counts.apply(row);
            return ratings == null ? null : count.apply(ratings);
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
