package uk.nhs.ics.transition.audit.evidence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.nhs.ics.transition.audit.ledger.StoredEvent;

/**
 * Reads an evidence pack's events from the ledger, streaming from a database cursor (a pack of a hundred thousand
 * events needs no more memory than one of ten), in ledger order, in the caller's transaction: the ICS's own events, its
 * CCGs' (those whose schemes may send to it), and the approvals about either, each with its ledger entry.
 */
public class EvidenceEntries {

    private static final int FETCH = 500;

    private final NamedParameterJdbcTemplate streaming;

    public EvidenceEntries(JdbcTemplate jdbcTemplate) {
        JdbcTemplate cursor = new JdbcTemplate(Objects.requireNonNull(jdbcTemplate.getDataSource()));
        cursor.setFetchSize(FETCH);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
    }

    /**
     * Every entry about the ICS or one of the CCGs, recorded as of the instant (by the event's own time) and among the
     * ledger's first {@code entries}, in ledger order. Needs a transaction (a cursor only streams in one).
     */
    public void stream(String ics, Collection<String> ccgs, Instant asOf, long entries, Consumer<PackEntry> sink) {
        streaming.query(
                """
                SELECT l.sequence, l.hash, l.previous_hash, e.global_index, e.event_identifier, e.type,
                       e.aggregate_identifier, e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp,
                       e.payload, e.meta_data, e.seal
                  FROM audit_ledger l JOIN domain_event_entry e ON e.global_index = l.global_index
                 WHERE (l.ics_code = :ics OR l.ccg_code = ANY(CAST(:ccgs AS text[])))
                   AND l.occurred_at <= :asOf AND l.sequence <= :entries
                 ORDER BY l.sequence""",
                new MapSqlParameterSource()
                        .addValue("ics", ics)
                        .addValue("ccgs", ccgs.toArray(String[]::new))
                        .addValue("asOf", Timestamp.from(asOf))
                        .addValue("entries", entries),
                rs -> {
                    sink.accept(
                            new PackEntry(rs.getLong(1), rs.getString(2), rs.getString(3), StoredEvent.read(rs, 4)));
                });
    }
}
