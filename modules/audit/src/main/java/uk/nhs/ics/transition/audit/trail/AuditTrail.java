package uk.nhs.ics.transition.audit.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.audit.ledger.LedgerFacts;
import uk.nhs.ics.transition.messages.common.MetadataKeys;

/**
 * Reads the audit trail: the ledger's entries with their events' payloads, filtered, in ledger order. A page is
 * read at once; an export streams row by row from a database cursor, so it needs no more memory for a million
 * events than for ten.
 */
public class AuditTrail {

    private static final int FETCH = 500;
    private static final String SELECT = """
            SELECT l.sequence, l.global_index, l.event_identifier, l.occurred_at, l.event_type, l.aggregate_type,
                   l.aggregate_id, l.aggregate_version, l.ics_code, l.ccg_code, l.actor, l.actor_name, l.actor_role,
                   l.actor_scope, l.reason, l.correlation_id, l.causation_id, l.client_address,
                   convert_from(e.payload, 'UTF8'), l.hash, l.previous_hash, l.client_request_id, l.seal_verdict,
                   substring(convert_from(e.meta_data, 'UTF8') from '"traceId":"([0-9a-f]{32})"'),
                   convert_from(e.meta_data, 'UTF8')
              FROM audit_ledger l JOIN domain_event_entry e ON e.global_index = l.global_index""";
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public AuditTrail(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(Objects.requireNonNull(jdbcTemplate.getDataSource()));
        cursor.setFetchSize(FETCH);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.readOnly.setReadOnly(true);
    }

    /** One page of the filtered trail, and how many entries the whole filtered trail has. */
    public record Slice(List<AuditEvent> events, long total) {}

    public Slice page(AuditFilter filter, long offset, int limit) {
        return page(filter, offset, limit, false);
    }

    /** As {@link #page(AuditFilter, long, int)}, newest first when asked: a timeline opens on what changed last. */
    public Slice page(AuditFilter filter, long offset, int limit, boolean newestFirst) {
        Map<String, Object> params = params(filter);
        String where = where(filter);
        long total = jdbc.sql("SELECT count(*) FROM audit_ledger l" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEvent> events = jdbc.sql(SELECT + where + " ORDER BY l.sequence" + (newestFirst ? " DESC" : "")
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> read(rs))
                .list();
        return new Slice(events, total);
    }

    /** Every entry of the filtered trail, in ledger order, one at a time. */
    public void export(AuditFilter filter, Consumer<AuditEvent> sink) {
        readOnly.executeWithoutResult(tx -> streaming.query(
                SELECT + where(filter) + " ORDER BY l.sequence", new MapSqlParameterSource(params(filter)), rs -> {
                    sink.accept(read(rs));
                }));
    }

    /**
     * Only the conditions the filter sets, so that the planner sees each one and uses its index (a generic
     * {@code :x IS NULL OR column = :x} would hide them from it).
     */
    private static String where(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        if (filter.ics() != null) {
            conditions.add("l.ics_code = :ics");
        }
        if (filter.ccg() != null) {
            conditions.add("l.ccg_code = :ccg");
        }
        if (filter.type() != null) {
            conditions.add("l.event_type = :type");
        }
        if (filter.actor() != null) {
            conditions.add("l.actor = :actor");
        }
        if (filter.from() != null) {
            conditions.add("l.occurred_at >= :from");
        }
        if (filter.to() != null) {
            conditions.add("l.occurred_at < :to");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Map<String, Object> params(AuditFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("ics", filter.ics());
        params.put("ccg", filter.ccg());
        params.put("type", filter.type());
        params.put("actor", filter.actor());
        params.put("from", filter.from() == null ? null : Timestamp.from(filter.from()));
        params.put("to", filter.to() == null ? null : Timestamp.from(filter.to()));
        return params;
    }

    static AuditEvent read(ResultSet rs) throws SQLException {
        JsonNode metaData = metaData(rs.getString(25));
        return new AuditEvent(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17),
                rs.getString(18),
                rs.getString(19),
                rs.getString(20),
                rs.getString(21),
                rs.getString(22),
                rs.getString(23),
                rs.getString(24),
                text(metaData, MetadataKeys.APPROVAL_ID),
                text(metaData, MetadataKeys.APPROVED_BY),
                text(metaData, MetadataKeys.APPROVED_BY_NAME),
                text(metaData, MetadataKeys.APPROVED_BY_ROLE),
                text(metaData, MetadataKeys.APPROVED_BY_SCOPE));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Who approved a change is in its metadata, which the chain covers (the ledger's columns hold who asked): read as
     * the trail is read, whatever the metadata holds.
     */
    private static JsonNode metaData(String text) {
        if (text == null || text.indexOf(MetadataKeys.APPROVAL_ID) < 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode metaData, String key) {
        if (metaData == null) {
            return null;
        }
        JsonNode value = metaData.get(key);
        return value == null || value.isNull() ? null : LedgerFacts.clean(value.asText());
    }
}
