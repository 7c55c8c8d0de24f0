package uk.nhs.ics.transition.web.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.board.BoardQueries;
import uk.nhs.ics.transition.projections.board.BoardView;
import uk.nhs.ics.transition.projections.constitution.ConstitutionQueries;
import uk.nhs.ics.transition.projections.constitution.ConstitutionView;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceQueries;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceView;
import uk.nhs.ics.transition.projections.readiness.IcsRating;
import uk.nhs.ics.transition.projections.readiness.MilestoneView;
import uk.nhs.ics.transition.projections.readiness.ReadinessQueries;
import uk.nhs.ics.transition.projections.transfer.LedgerTotals;
import uk.nhs.ics.transition.projections.transfer.LedgerView;
import uk.nhs.ics.transition.projections.transfer.TransferItemView;
import uk.nhs.ics.transition.projections.transfer.TransferQueries;
import uk.nhs.ics.transition.web.csv.CsvTable;
import uk.nhs.ics.transition.web.csv.CsvTables;
import uk.nhs.ics.transition.web.csv.CsvView;
import uk.nhs.ics.transition.web.csv.CsvWriter;

/**
 * An evidence pack's views of the ICS, as known at the pack's instant and rated at its business date: the same
 * queries the API answers with, written by the API's one CSV writer ({@link CsvMessageConverter}). Every row says the
 * date its ratings were computed for ({@code ratedAt}) and the instant it was known at ({@code knownAsOf}).
 */
public class EvidenceViews {

    private final ReadinessQueries readiness;
    private final BoardQueries board;
    private final DueDiligenceQueries dueDiligence;
    private final ConstitutionQueries constitution;
    private final TransferQueries transfers;

    public EvidenceViews(
            ReadinessQueries readiness,
            BoardQueries board,
            DueDiligenceQueries dueDiligence,
            ConstitutionQueries constitution,
            TransferQueries transfers) {
        this.readiness = readiness;
        this.board = board;
        this.dueDiligence = dueDiligence;
        this.constitution = constitution;
        this.transfers = transfers;
    }

    // ---------------------------------------------------------------- what the views and the report read

    Optional<IcsRating> rating(EvidencePackRequest request) {
        return readiness.rating(request.icsCode(), request.ratedAt(), asOf(request));
    }

    /** The pack's milestones: the quarter's (every one for {@code ALL}). */
    List<MilestoneView> milestones(EvidencePackRequest request) {
        return readiness.milestones(request.icsCode(), request.ratedAt(), asOf(request)).orElse(List.of()).stream()
                .filter(m ->
                        request.quarter().equals("ALL") || m.quarter().name().equals(request.quarter()))
                .toList();
    }

    Optional<BoardView> board(EvidencePackRequest request) {
        return board.board(request.icsCode(), asOf(request));
    }

    Optional<DueDiligenceView> dueDiligence(EvidencePackRequest request) {
        return dueDiligence.dueDiligence(request.icsCode(), asOf(request));
    }

    Optional<ConstitutionView> constitution(EvidencePackRequest request) {
        return constitution.constitution(request.icsCode(), asOf(request));
    }

    LedgerTotals transferTotals(EvidencePackRequest request) {
        return transfers.ledgerTotals(request.icsCode(), asOf(request));
    }

    private static AsOf asOf(EvidencePackRequest request) {
        return AsOf.of(request.knownAsOf());
    }

    // ---------------------------------------------------------------- the CSV files

    void readiness(EvidencePackRequest request, OutputStream out) throws IOException {
        Optional<IcsRating> rating = rating(request);
        Optional<BoardView> seats = board(request);
        Optional<ConstitutionView> constitution = constitution(request);
        List<Object> row = new ArrayList<>();
        row.add(request.icsCode());
        row.add(request.icsName());
        row.add(request.regionCode());
        row.add(rating.map(IcsRating::overallRating).orElse(null));
        for (Quarter quarter : Quarter.values()) {
            row.add(rating.map(r -> r.ratingsByQuarter().get(quarter.name())).orElse(null));
        }
        row.add(rating.map(IcsRating::milestonesComplete).orElse(null));
        row.add(rating.map(IcsRating::milestonesTotal).orElse(null));
        row.add(rating.map(IcsRating::percentComplete).orElse(null));
        row.add(rating.map(IcsRating::overdueCount).orElse(null));
        row.add(seats.map(BoardView::meetsMinimum).orElse(null));
        row.add(seats.map(b -> String.join("; ", b.gaps())).orElse(null));
        row.add(dueDiligence(request).map(DueDiligenceView::status).orElse(null));
        row.add(constitution.map(ConstitutionView::status).orElse(null));
        row.add(constitution.map(c -> c.mou().status()).orElse(null));
        row.add(request.ratedAt());
        row.add(request.knownAsOf());
        CsvWriter.write(
                CsvView.of(
                        List.of(
                                "icsCode",
                                "name",
                                "regionCode",
                                "overallRating",
                                "q1",
                                "q2",
                                "q3",
                                "q4",
                                "est",
                                "milestonesComplete",
                                "milestonesTotal",
                                "percentComplete",
                                "overdueCount",
                                "boardMeetsMinimum",
                                "boardGaps",
                                "dueDiligenceStatus",
                                "constitutionStatus",
                                "mouStatus",
                                "ratedAt",
                                "knownAsOf"),
                        List.of(row)),
                out);
    }

    /** A milestone as the pack shows it: when it was rated and known, and the milestone itself. */
    public record RatedMilestone(LocalDate ratedAt, Instant knownAsOf, MilestoneView milestone) {}

    static final CsvTable<RatedMilestone> RATED_MILESTONES = CsvTable.of(RatedMilestone.class)
            .column("ratedAt", RatedMilestone::ratedAt)
            .column("knownAsOf", RatedMilestone::knownAsOf)
            .nested("milestone", RatedMilestone::milestone, CsvTables.MILESTONES)
            .build();

    void milestones(EvidencePackRequest request, OutputStream out) throws IOException {
        List<RatedMilestone> rows = milestones(request).stream()
                .map(m -> new RatedMilestone(request.ratedAt(), request.knownAsOf(), m))
                .toList();
        CsvWriter.write(RATED_MILESTONES.rows(rows), out);
    }

    /** A board seat as the pack shows it. */
    public record KnownSeat(Instant knownAsOf, BoardView.Seat seat) {}

    private static final CsvTable<BoardView.Seat> SEATS = CsvTable.of(BoardView.Seat.class)
            .column("role", BoardView.Seat::role)
            .column("roleType", BoardView.Seat::roleType)
            .column("status", BoardView.Seat::status)
            .column("holder", BoardView.Seat::holder)
            .column("process", BoardView.Seat::process)
            .column("conflictingPosts", BoardView.Seat::conflictingPosts)
            .column("mentalHealthExpertise", BoardView.Seat::mentalHealthExpertise)
            .column("confirmedOn", BoardView.Seat::confirmedOn)
            .column("substantiveOn", BoardView.Seat::substantiveOn)
            .column("countsTowardsMinimum", BoardView.Seat::countsTowardsMinimum)
            .build();

    static final CsvTable<KnownSeat> KNOWN_SEATS = CsvTable.of(KnownSeat.class)
            .column("knownAsOf", KnownSeat::knownAsOf)
            .nested("seat", KnownSeat::seat, SEATS)
            .build();

    void board(EvidencePackRequest request, OutputStream out) throws IOException {
        List<KnownSeat> rows = board(request).map(BoardView::roles).orElse(List.of()).stream()
                .map(seat -> new KnownSeat(request.knownAsOf(), seat))
                .toList();
        CsvWriter.write(KNOWN_SEATS.rows(rows), out);
    }

    void dueDiligence(EvidencePackRequest request, OutputStream out) throws IOException {
        Optional<DueDiligenceView> view = dueDiligence(request);
        List<List<Object>> rows = new ArrayList<>();
        view.ifPresent(dd -> {
            for (Map.Entry<DueDiligenceArea, List<DueDiligenceView.Item>> area :
                    dd.itemsByArea().entrySet()) {
                for (DueDiligenceView.Item item : area.getValue()) {
                    rows.add(row(
                            dd.status(),
                            "ITEM",
                            item.itemId(),
                            item.area(),
                            item.title(),
                            item.outcome(),
                            item.risk(),
                            item.mitigation(),
                            null,
                            null,
                            null,
                            request.knownAsOf()));
                }
            }
            for (DueDiligenceView.SignOff signOff : dd.signOffs()) {
                rows.add(row(
                        dd.status(),
                        "SIGN_OFF",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        signOff.signatory(),
                        signOff.capacity(),
                        signOff.ccgCode(),
                        request.knownAsOf()));
            }
        });
        CsvWriter.write(
                CsvView.of(
                        List.of(
                                "status",
                                "record",
                                "itemId",
                                "area",
                                "title",
                                "outcome",
                                "risk",
                                "mitigation",
                                "signatory",
                                "capacity",
                                "ccgCode",
                                "knownAsOf"),
                        rows),
                out);
    }

    private static final List<String> TRANSFER_COLUMNS = List.of(
            "ccgCode",
            "itemId",
            "reference",
            "receivingIcs",
            "kind",
            "description",
            "staffGroup",
            "counterparty",
            "valuePence",
            "annualValuePence",
            "endDate",
            "novationRequired",
            "headcount",
            "wte",
            "knownAsOf");

    /**
     * Every live item transferring to the ICS, streamed a page at a time (one CCG's register may hold tens of
     * thousands of items), with the API's CSV cells.
     */
    void transfers(EvidencePackRequest request, OutputStream out) throws IOException {
        CsvWriter writer = CsvWriter.start(out);
        writer.header(TRANSFER_COLUMNS);
        AsOf asOf = asOf(request);
        for (int page = 0; ; page++) {
            LedgerView ledger = transfers.ledger(request.icsCode(), asOf, new PageRequest(page, PageRequest.MAX_SIZE));
            for (TransferItemView item : ledger.items().items()) {
                writer.row(row(
                        item.ccgCode(),
                        item.itemId(),
                        item.reference(),
                        item.receivingIcs(),
                        item.kind(),
                        item.description(),
                        item.staffGroup(),
                        item.counterparty(),
                        item.valuePence(),
                        item.annualValuePence(),
                        item.endDate(),
                        item.novationRequired(),
                        item.headcount(),
                        item.wte(),
                        request.knownAsOf()));
            }
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= ledger.items().totalItems()) {
                break;
            }
        }
        writer.flush();
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
