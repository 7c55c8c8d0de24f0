package uk.nhs.ics.transition.projections.transfer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;
import uk.nhs.ics.transition.messages.ccg.TransferItemKind;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.ProjectionPositions;
import uk.nhs.ics.transition.projections.Sql;
import uk.nhs.ics.transition.projections.TemporalTable;

/**
 * Reads transfer schemes and ledgers as the {@link TransferSchemeProjection} recorded them. Totals are summed from
 * the live items in the same query, so they always equal the sum of the items.
 */
public class TransferQueries {

    private static final String ITEM_COLUMNS = "t.ccg_code, t.item_id, t.receiving_ics, t.kind, t.description,"
            + " t.counterparty, t.value_pence, t.annual_value_pence, t.end_date, t.novation_required, t.headcount,"
            + " t.wte_hundredths, t.reference, t.staff_group";

    private static final String TOTALS = """
            coalesce(sum(value_pence) FILTER (WHERE kind = 'ASSET'), 0),
            coalesce(sum(value_pence) FILTER (WHERE kind = 'LIABILITY'), 0),
            count(*) FILTER (WHERE kind = 'CONTRACT'),
            coalesce(sum(annual_value_pence) FILTER (WHERE kind = 'CONTRACT'), 0),
            coalesce(sum(headcount) FILTER (WHERE kind = 'STAFF'), 0),
            coalesce(sum(wte_hundredths) FILTER (WHERE kind = 'STAFF'), 0),
            count(*)""";

    private final JdbcClient jdbc;
    private final ProjectionPositions positions;

    public TransferQueries(JdbcClient jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    public Optional<SchemeView> scheme(String ccg, AsOf asOf, PageRequest page) {
        record Scheme(
                SchemeStatus status, LocalDate agreedOn, LocalDate effectedOn, LocalDate abolishedOn, int variations) {}
        record Ccg(String name, String ics) {}
        Optional<Ccg> registered = jdbc.sql(
                        "SELECT name, ics_code FROM ccg_view WHERE ccg_code = :ccg AND recorded_at <= :asOf")
                .param("ccg", ccg)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new Ccg(rs.getString(1), rs.getString(2)))
                .optional();
        Optional<Scheme> scheme = jdbc.sql("SELECT status, agreed_on, effected_on, abolished_on, variations"
                        + " FROM transfer_scheme s WHERE s.ccg_code = :ccg AND " + TemporalTable.valid("s", asOf))
                .param("ccg", ccg)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new Scheme(
                        SchemeStatus.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getInt(5)))
                .optional();
        if (registered.isEmpty() || scheme.isEmpty()) {
            return Optional.empty();
        }
        List<String> receivers = new ArrayList<>();
        receivers.add(registered.get().ics());
        receivers.addAll(
                jdbc.sql("SELECT to_ics FROM boundary_change_view WHERE ccg_code = :ccg AND recorded_at <= :asOf"
                                + " ORDER BY to_ics")
                        .param("ccg", ccg)
                        .param("asOf", asOf.bound())
                        .query(String.class)
                        .list());
        List<SchemeView.Agreement> agreements = jdbc.sql("SELECT party, signatory FROM transfer_agreement a"
                        + " WHERE a.ccg_code = :ccg AND " + TemporalTable.valid("a", asOf) + " ORDER BY party")
                .param("ccg", ccg)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new SchemeView.Agreement(rs.getString(1), rs.getString(2)))
                .list();
        List<TransferTotalsView> totals = jdbc.sql("SELECT receiving_ics, " + TOTALS + " FROM transfer_item t"
                        + " WHERE t.ccg_code = :ccg AND " + TemporalTable.valid("t", asOf)
                        + " GROUP BY receiving_ics ORDER BY receiving_ics")
                .param("ccg", ccg)
                .param("asOf", asOf.bound())
                .query((rs, n) -> totals(rs, rs.getString(1)))
                .list();
        long count = totals.stream().mapToLong(TransferTotalsView::items).sum();
        List<TransferItemView> items = jdbc.sql("SELECT " + ITEM_COLUMNS
                        + " FROM transfer_item t WHERE t.ccg_code = :ccg" + " AND " + TemporalTable.valid("t", asOf)
                        + " ORDER BY t.item_number LIMIT :limit OFFSET :offset")
                .param("ccg", ccg)
                .param("asOf", asOf.bound())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> item(rs))
                .list();
        Scheme state = scheme.get();
        return Optional.of(new SchemeView(
                ccg,
                registered.get().name(),
                registered.get().ics(),
                receivers,
                state.status(),
                state.agreedOn(),
                state.effectedOn(),
                state.abolishedOn(),
                state.variations(),
                agreements,
                totals,
                new Page<>(items, page.page(), page.size(), count),
                asOf.isNow()
                        ? positions.version(TransferSchemeProjection.NAME, ccg).orElse(null)
                        : null));
    }

    /** Every live item of a CCG's scheme in the order added, as its register: what an export writes. */
    public List<TransferItemView> register(String ccg, AsOf asOf) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM transfer_item t WHERE t.ccg_code = :ccg AND "
                        + TemporalTable.valid("t", asOf) + " ORDER BY t.item_number")
                .param("ccg", ccg)
                .param("asOf", asOf.bound())
                .query((rs, n) -> item(rs))
                .list();
    }

    /** The receiving ICS's ledger: everything transferring to it from every CCG. */
    public LedgerView ledger(String ics, AsOf asOf, PageRequest page) {
        LedgerTotals totals = ledgerTotals(ics, asOf);
        List<TransferItemView> items = jdbc.sql("SELECT " + ITEM_COLUMNS + live(asOf)
                        + " ORDER BY t.ccg_code, t.item_number LIMIT :limit OFFSET :offset")
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> item(rs))
                .list();
        return new LedgerView(
                ics,
                totals.totals(),
                totals.byCcg(),
                new Page<>(items, page.page(), page.size(), totals.totals().items()));
    }

    /** The receiving ICS's ledger without its items: the totals overall and per sending CCG. */
    public LedgerTotals ledgerTotals(String ics, AsOf asOf) {
        String live = live(asOf);
        TransferTotalsView totals = jdbc.sql("SELECT " + TOTALS + live)
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .query((rs, n) -> totals(rs, 0, ics))
                .single();
        List<LedgerView.CcgTotals> byCcg = jdbc.sql("SELECT t.ccg_code, " + TOTALS + ", (SELECT s.status FROM"
                        + " transfer_scheme s WHERE s.ccg_code = t.ccg_code AND " + TemporalTable.valid("s", asOf)
                        + ")" + live + " GROUP BY t.ccg_code ORDER BY t.ccg_code")
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new LedgerView.CcgTotals(
                        rs.getString(1), Sql.code(SchemeStatus.class, rs.getString(9)), totals(rs, ics)))
                .list();
        return new LedgerTotals(ics, totals, byCcg);
    }

    private static String live(AsOf asOf) {
        return " FROM transfer_item t WHERE t.receiving_ics = :ics AND " + TemporalTable.valid("t", asOf);
    }

    /** CCGs with their ICS and scheme status, optionally of one ICS, readable by the caller, by code. */
    public Page<CcgSummary> ccgs(String ics, Predicate<String> readable, AsOf asOf, PageRequest page) {
        List<CcgSummary> all = jdbc
                .sql("SELECT c.ccg_code, c.name, c.ics_code, s.status, s.abolished_on::text"
                        + " FROM ccg_view c LEFT JOIN transfer_scheme s ON s.ccg_code = c.ccg_code AND "
                        + TemporalTable.valid("s", asOf)
                        + " WHERE c.recorded_at <= :asOf AND (CAST(:ics AS text) IS NULL OR c.ics_code = :ics)"
                        + " ORDER BY c.ccg_code")
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new CcgSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Sql.code(SchemeStatus.class, rs.getString(4)),
                        rs.getString(5)))
                .list()
                .stream()
                .filter(c -> readable.test(c.code()))
                .toList();
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new Page<>(all.subList(from, to), page.page(), page.size(), all.size());
    }

    private static TransferTotalsView totals(ResultSet rs, String ics) throws SQLException {
        return totals(rs, 1, ics);
    }

    /** Reads the seven {@link #TOTALS} columns starting after the given column. */
    private static TransferTotalsView totals(ResultSet rs, int before, String ics) throws SQLException {
        long assets = rs.getLong(before + 1);
        long liabilities = rs.getLong(before + 2);
        return new TransferTotalsView(
                ics,
                assets,
                liabilities,
                assets - liabilities,
                rs.getInt(before + 3),
                rs.getLong(before + 4),
                rs.getInt(before + 5),
                BigDecimal.valueOf(rs.getLong(before + 6), 2),
                rs.getInt(before + 7));
    }

    private static TransferItemView item(ResultSet rs) throws SQLException {
        Long wte = (Long) rs.getObject(12);
        return new TransferItemView(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                TransferItemKind.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                (Long) rs.getObject(7),
                (Long) rs.getObject(8),
                rs.getObject(9, LocalDate.class),
                (Boolean) rs.getObject(10),
                (Integer) rs.getObject(11),
                wte == null ? null : BigDecimal.valueOf(wte, 2),
                rs.getString(13),
                rs.getString(14));
    }
}
