package uk.nhs.ics.transition.projections.constitution;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.ics.BoardGap;
import uk.nhs.ics.transition.messages.ics.ConstitutionStatus;
import uk.nhs.ics.transition.messages.ics.MouStatus;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.Json;
import uk.nhs.ics.transition.projections.ProjectionPositions;
import uk.nhs.ics.transition.projections.TemporalTable;

/** Reads the constitution, MoU and assurance comments as the {@link ConstitutionProjection} recorded them. */
public class ConstitutionQueries {

    private static final TypeReference<List<BoardGap>> GAPS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ProjectionPositions positions;

    public ConstitutionQueries(JdbcClient jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    public Optional<ConstitutionView> constitution(String ics, AsOf asOf) {
        List<ConstitutionView.Draft> drafts = jdbc.sql("""
                        SELECT draft_version, document_reference, summary, recorded_at FROM constitution_draft
                         WHERE ics_code = :ics AND recorded_at <= :asOf ORDER BY draft_version""")
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new ConstitutionView.Draft(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        List<ConstitutionView.Comment> comments = jdbc.sql("""
                        SELECT comment_number, comment, author, author_role, recorded_at FROM assurance_comment
                         WHERE ics_code = :ics AND recorded_at <= :asOf ORDER BY comment_number""")
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new ConstitutionView.Comment(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        // the position is read before the state, never inside its row mapping: a request holds one connection at most
        Long version = asOf.isNow()
                ? positions.version(ConstitutionProjection.NAME, ics).orElse(null)
                : null;
        return jdbc.sql("SELECT status, draft_version, engagement_opened_on, engagement_closed_on, submitted_on,"
                        + " submitted_gaps::text, decision, decision_comments, decided_on, mou_status,"
                        + " mou_document_reference, mou_agreed_on FROM constitution_state c"
                        + " WHERE c.ics_code = :ics AND " + TemporalTable.valid("c", asOf))
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new ConstitutionView(
                        ics,
                        ConstitutionStatus.valueOf(rs.getString(1)),
                        rs.getInt(2),
                        drafts,
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class) == null
                                ? null
                                : new ConstitutionView.Submission(
                                        rs.getObject(5, LocalDate.class), Json.read(rs.getString(6), GAPS)),
                        rs.getString(7) == null
                                ? null
                                : new ConstitutionView.Decision(
                                        ConstitutionView.Decision.Verdict.valueOf(rs.getString(7)),
                                        rs.getString(8),
                                        rs.getObject(9, LocalDate.class)),
                        new ConstitutionView.Mou(
                                MouStatus.valueOf(rs.getString(10)),
                                rs.getString(11),
                                rs.getObject(12, LocalDate.class)),
                        comments,
                        version))
                .optional();
    }
}
