package uk.nhs.ics.transition.projections.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;

/** Reads approvals as the {@link ApprovalsProjection} recorded them; a pending one after its last day reads EXPIRED. */
public class ApprovalQueries {

    private static final String COLUMNS = """
            approval_id, action, status, summary, reason, target, ics_code, ccg_code, target_version, command_type,
            command, requested_by, requested_by_name, requested_role, requested_scope, requested_at, decidable_until,
            decided_by, decided_by_name, decided_role, decided_at, decision_reason, superseded_by, version, authority""";

    private final JdbcClient jdbc;

    public ApprovalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One approval as it stands on the business date (which decides whether a pending one has expired). */
    public Optional<Row> approval(String id, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approval WHERE approval_id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs, today))
                .optional();
    }

    /** The pending requests not yet expired on the business date, oldest first. */
    public List<Row> pending(LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approval WHERE status = 'PENDING' AND decidable_until >= :today"
                        + " ORDER BY requested_at, approval_id")
                .param("today", today)
                .query((rs, n) -> row(rs, today))
                .list();
    }

    /** The pending requests for the same thing (a later request for it supersedes them). */
    public List<String> pendingFor(String subject) {
        return jdbc.sql("SELECT approval_id FROM approval WHERE status = 'PENDING' AND subject = :subject")
                .param("subject", subject)
                .query(String.class)
                .list();
    }

    /** An approval and the organisation whose people may decide it. */
    public record Row(ApprovalView view, String authority) {}

    private static Row row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate decidableUntil = rs.getObject(17, LocalDate.class);
        ApprovalView.Status status = ApprovalView.Status.valueOf(rs.getString(3));
        if (status == ApprovalView.Status.PENDING && today.isAfter(decidableUntil)) {
            status = ApprovalView.Status.EXPIRED;
        }
        return new Row(
                new ApprovalView(
                        rs.getString(1),
                        FourEyesAction.valueOf(rs.getString(2)),
                        status,
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        (Long) rs.getObject(9),
                        new ApprovalView.Command(rs.getString(10), rs.getString(11)),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getString(14),
                        rs.getString(15),
                        rs.getTimestamp(16).toInstant(),
                        decidableUntil,
                        rs.getString(18),
                        rs.getString(19),
                        rs.getString(20),
                        rs.getTimestamp(21) == null ? null : rs.getTimestamp(21).toInstant(),
                        rs.getString(22),
                        rs.getString(23),
                        rs.getLong(24)),
                rs.getString(25));
    }
}
