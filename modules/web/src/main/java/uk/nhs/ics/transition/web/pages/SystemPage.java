package uk.nhs.ics.transition.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.nhs.ics.transition.audit.history.HistoryEntry;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.projections.board.BoardView;
import uk.nhs.ics.transition.projections.constitution.ConstitutionView;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceView;
import uk.nhs.ics.transition.projections.readiness.IcsRating;
import uk.nhs.ics.transition.projections.readiness.MilestoneView;
import uk.nhs.ics.transition.projections.reference.IcsIdentity;
import uk.nhs.ics.transition.projections.transfer.LedgerTotals;
import uk.nhs.ics.transition.projections.transfer.LedgerView;
import uk.nhs.ics.transition.projections.transfer.TransferTotalsView;
import uk.nhs.ics.transition.web.csv.CsvView;

/**
 * What an ICS's page shows: its ratings; its milestones by quarter, each with the rule that gave its rating; its
 * board and the gaps to the minimum; due diligence by area with its sign-offs; the constitution and MoU; what it
 * receives from each CCG; and its history, newest first.
 *
 * @param identity who it is
 * @param rating its ratings per quarter and overall
 * @param milestones its milestones by quarter (Q1 to Q4, then the establishment duties)
 * @param board its board, if known
 * @param dueDiligence its due diligence, if known
 * @param constitution its constitution and MoU, if known
 * @param ledger what it receives, overall and per sending CCG
 * @param history one page of its history, newest first
 * @param historyTotal how many entries its history has
 * @param historyPage which page of the history this is (0 is the newest)
 * @param historyPages how many pages the history has
 */
public record SystemPage(
        IcsIdentity identity,
        IcsRating rating,
        Map<Quarter, List<MilestoneView>> milestones,
        BoardView board,
        DueDiligenceView dueDiligence,
        ConstitutionView constitution,
        LedgerTotals ledger,
        List<HistoryEntry> history,
        long historyTotal,
        int historyPage,
        int historyPages) {

    static final int HISTORY_PAGE_SIZE = 25;

    /** The milestones grouped by quarter, in the order of the timetable. */
    static Map<Quarter, List<MilestoneView>> byQuarter(List<MilestoneView> milestones) {
        return milestones.stream()
                .collect(Collectors.groupingBy(MilestoneView::quarter, LinkedHashMap::new, Collectors.toList()));
    }

    /** The quarter's heading: "Quarter 1: preparation". */
    public String quarterHeading(Quarter quarter) {
        return switch (quarter) {
            case Q1 -> "Quarter 1: preparation";
            case Q2 -> "Quarter 2: implementation";
            case Q3 -> "Quarter 3: implementation";
            case Q4 -> "Quarter 4: transition";
            case EST -> "Duties due at establishment";
        };
    }

    Optional<CsvView> table(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "ratings" -> ratingsTable();
                    case "milestones" -> milestonesTable();
                    case "predecessors" -> predecessorsTable();
                    case "board" -> boardTable();
                    case "due-diligence" -> dueDiligenceTable();
                    case "transfers" -> transfersTable();
                    case "history" -> historyTable();
                    default -> null;
                });
    }

    private DownloadTable ratingsTable() {
        DownloadTable.Builder table = DownloadTable.of(
                "icsCode",
                "overallRating",
                "q1",
                "q2",
                "q3",
                "q4",
                "est",
                "milestonesComplete",
                "milestonesTotal",
                "percentComplete",
                "overdueCount");
        Map<String, ?> quarters = rating.ratingsByQuarter();
        table.row(
                rating.code(),
                rating.overallRating(),
                quarters.get("Q1"),
                quarters.get("Q2"),
                quarters.get("Q3"),
                quarters.get("Q4"),
                quarters.get("EST"),
                rating.milestonesComplete(),
                rating.milestonesTotal(),
                rating.percentComplete(),
                rating.overdueCount());
        return table.build();
    }

    private DownloadTable predecessorsTable() {
        DownloadTable.Builder table = DownloadTable.of("ccgCode", "name", "icsCode", "schemeStatus");
        for (IcsIdentity.Predecessor ccg : identity.predecessorCcgs()) {
            table.row(ccg.code(), ccg.name(), ccg.icsCode(), ccg.schemeStatus());
        }
        return table.build();
    }

    private DownloadTable milestonesTable() {
        DownloadTable.Builder table = DownloadTable.of(
                "code",
                "quarter",
                "title",
                "kind",
                "status",
                "dueDate",
                "rating",
                "ratingRule",
                "why",
                "completedOn",
                "evidence",
                "atRiskReason",
                "note");
        milestones.values().stream()
                .flatMap(List::stream)
                .forEach(m -> table.row(
                        m.code(),
                        m.quarter(),
                        m.title(),
                        m.kind(),
                        m.status(),
                        m.dueDate(),
                        m.rating(),
                        m.ratingRule(),
                        m.ratingRule().explanation(),
                        m.completedOn(),
                        m.evidence() == null
                                ? null
                                : m.evidence().stream()
                                        .map(e -> e.reference() + " (" + e.description() + ")")
                                        .collect(Collectors.joining("; ")),
                        m.atRiskReason(),
                        m.note()));
        return table.build();
    }

    private DownloadTable boardTable() {
        DownloadTable.Builder table = DownloadTable.of(
                "seat",
                "role",
                "status",
                "holder",
                "process",
                "mentalHealthExpertise",
                "confirmedOn",
                "countsTowardsMinimum");
        if (board != null) {
            for (BoardView.Seat seat : board.roles()) {
                table.row(
                        seat.role(),
                        seat.roleType(),
                        seat.status(),
                        seat.holder(),
                        seat.process(),
                        seat.mentalHealthExpertise(),
                        seat.confirmedOn(),
                        seat.countsTowardsMinimum());
            }
        }
        return table.build();
    }

    private DownloadTable dueDiligenceTable() {
        DownloadTable.Builder table = DownloadTable.of("area", "itemId", "title", "outcome", "risk", "mitigation");
        if (dueDiligence != null) {
            dueDiligence.itemsByArea().forEach((area, items) -> {
                if (items.isEmpty()) {
                    table.row(area, null, null, null, null, null);
                }
                for (DueDiligenceView.Item item : items) {
                    table.row(area, item.itemId(), item.title(), item.outcome(), item.risk(), item.mitigation());
                }
            });
        }
        return table.build();
    }

    private DownloadTable transfersTable() {
        DownloadTable.Builder table = DownloadTable.of(
                "fromCcg",
                "schemeStatus",
                "assetsPence",
                "liabilitiesPence",
                "netPositionPence",
                "contracts",
                "contractAnnualValuePence",
                "headcount",
                "wte",
                "items");
        for (LedgerView.CcgTotals ccg : ledger.byCcg()) {
            totals(table, ccg.ccgCode(), ccg.schemeStatus(), ccg.totals());
        }
        totals(table, "all", null, ledger.totals());
        return table.build();
    }

    private static void totals(
            DownloadTable.Builder table, String from, SchemeStatus status, TransferTotalsView totals) {
        table.row(
                from,
                status,
                totals.assetsPence(),
                totals.liabilitiesPence(),
                totals.netPositionPence(),
                totals.contractCount(),
                totals.contractAnnualValuePence(),
                totals.headcount(),
                totals.wte(),
                totals.items());
    }

    private DownloadTable historyTable() {
        DownloadTable.Builder table = DownloadTable.of(
                "sequence", "occurredAt", "aggregate", "type", "actor", "actorRole", "reason", "summary");
        for (HistoryEntry entry : history) {
            table.row(
                    entry.sequence(),
                    entry.occurredAt(),
                    entry.aggregate(),
                    entry.type(),
                    entry.actor(),
                    entry.actorRole(),
                    entry.reason(),
                    entry.summary());
        }
        return table.build();
    }
}
