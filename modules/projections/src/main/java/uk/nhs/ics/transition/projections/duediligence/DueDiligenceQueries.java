package uk.nhs.ics.transition.projections.duediligence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.ics.AssessmentOutcome;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.messages.ics.RiskRating;
import uk.nhs.ics.transition.messages.ics.SignOffCapacity;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.ProjectionPositions;
import uk.nhs.ics.transition.projections.Sql;
import uk.nhs.ics.transition.projections.TemporalTable;

/** Reads due diligence as the {@link DueDiligenceProjection} recorded it. */
public class DueDiligenceQueries {

    private final JdbcClient jdbc;
    private final ProjectionPositions positions;

    public DueDiligenceQueries(JdbcClient jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    public Optional<DueDiligenceView> dueDiligence(String ics, AsOf asOf) {
        record State(DueDiligenceView.Status status, LocalDate startedOn, LocalDate completedOn) {}
        Optional<State> state = jdbc.sql("SELECT status, started_on, completed_on FROM due_diligence_state s"
                        + " WHERE s.ics_code = :ics AND " + TemporalTable.valid("s", asOf))
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new State(
                        DueDiligenceView.Status.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
                .optional();
        if (state.isEmpty()) {
            return Optional.empty();
        }
        List<DueDiligenceView.Item> items = jdbc.sql("SELECT item_id, area, title, outcome, risk, mitigation"
                        + " FROM due_diligence_item i WHERE i.ics_code = :ics AND " + TemporalTable.valid("i", asOf)
                        + " ORDER BY length(item_id), item_id")
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new DueDiligenceView.Item(
                        rs.getString(1),
                        DueDiligenceArea.valueOf(rs.getString(2)),
                        rs.getString(3),
                        AssessmentOutcome.valueOf(rs.getString(4)),
                        Sql.code(RiskRating.class, rs.getString(5)),
                        rs.getString(6)))
                .list();
        Map<DueDiligenceArea, List<DueDiligenceView.Item>> byArea = new EnumMap<>(DueDiligenceArea.class);
        for (DueDiligenceArea area : DueDiligenceArea.values()) {
            byArea.put(area, new ArrayList<>());
        }
        items.forEach(item -> byArea.get(item.area()).add(item));
        List<DueDiligenceView.SignOff> signOffs = jdbc.sql("SELECT signatory, capacity, ccg_code"
                        + " FROM due_diligence_sign_off s WHERE s.ics_code = :ics AND "
                        + TemporalTable.valid("s", asOf) + " ORDER BY valid_from, signer")
                .param("ics", ics)
                .param("asOf", asOf.bound())
                .query((rs, n) -> new DueDiligenceView.SignOff(
                        rs.getString(1), SignOffCapacity.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
        return Optional.of(new DueDiligenceView(
                ics,
                state.get().status(),
                state.get().startedOn(),
                state.get().completedOn(),
                byArea,
                items.stream()
                        .filter(i -> i.outcome() != AssessmentOutcome.ASSURED)
                        .toList(),
                signOffs,
                asOf.isNow()
                        ? positions.version(DueDiligenceProjection.NAME, ics).orElse(null)
                        : null));
    }
}
