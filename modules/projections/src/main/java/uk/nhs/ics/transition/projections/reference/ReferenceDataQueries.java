package uk.nhs.ics.transition.projections.reference;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.Page;
import uk.nhs.ics.transition.projections.PageRequest;
import uk.nhs.ics.transition.projections.Sql;
import uk.nhs.ics.transition.projections.TemporalTable;

/** Reads the organisations as registered (by the {@link ReferenceDataProjection}). */
public class ReferenceDataQueries {

    private final JdbcClient jdbc;

    public ReferenceDataQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RegionSummary> regions(AsOf asOf) {
        return jdbc.sql("""
                        SELECT r.region_code, r.name,
                               (SELECT count(*) FROM ics_view i
                                 WHERE i.region_code = r.region_code AND i.recorded_at <= :asOf) AS ics_count
                          FROM region_view r
                         WHERE r.recorded_at <= :asOf
                         ORDER BY r.region_code""")
                .param("asOf", asOf.bound())
                .query((rs, n) -> new RegionSummary(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** One ICS as registered by the knowledge time, with its predecessor CCGs and their schemes' status. */
    public Optional<IcsIdentity> ics(String code, AsOf asOf) {
        record Row(String code, String name, String region, String regionName, String ons, String icb, String[] ccgs) {}
        // one query after the other, never one inside another's row mapping: a request holds one connection at most
        return jdbc.sql("SELECT i.ics_code, i.name, i.region_code, r.name, i.ons_code, i.icb_name, i.predecessor_ccgs"
                        + " FROM ics_view i LEFT JOIN region_view r ON r.region_code = i.region_code"
                        + " WHERE i.ics_code = :code AND i.recorded_at <= :asOf")
                .param("code", code)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        (String[]) rs.getArray(7).getArray()))
                .optional()
                .map(row -> new IcsIdentity(
                        row.code(),
                        row.name(),
                        row.region(),
                        row.regionName(),
                        row.ons(),
                        row.icb(),
                        predecessors(row.ccgs(), asOf)));
    }

    private List<IcsIdentity.Predecessor> predecessors(String[] codes, AsOf asOf) {
        return jdbc.sql("SELECT c.ccg_code, c.name, c.ics_code, s.status FROM ccg_view c"
                        + " LEFT JOIN transfer_scheme s ON s.ccg_code = c.ccg_code AND "
                        + TemporalTable.valid("s", asOf)
                        + " WHERE c.ccg_code = ANY(:codes) ORDER BY c.ccg_code")
                .param("codes", codes)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new IcsIdentity.Predecessor(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Sql.code(SchemeStatus.class, rs.getString(4))))
                .list();
    }

    /** ICSs, optionally of one region, ordered by code. */
    public Page<IcsSummary> systems(String regionCode, AsOf asOf, PageRequest page) {
        String where = " WHERE i.recorded_at <= :asOf AND (CAST(:region AS text) IS NULL OR i.region_code = :region)";
        long total = jdbc.sql("SELECT count(*) FROM ics_view i" + where)
                .param("asOf", asOf.bound())
                .param("region", regionCode)
                .query(Long.class)
                .single();
        List<IcsSummary> items = jdbc.sql("""
                        SELECT i.ics_code, i.name, i.region_code, r.name
                          FROM ics_view i LEFT JOIN region_view r ON r.region_code = i.region_code""" + where + " ORDER BY i.ics_code LIMIT :limit OFFSET :offset")
                .param("asOf", asOf.bound())
                .param("region", regionCode)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new IcsSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
