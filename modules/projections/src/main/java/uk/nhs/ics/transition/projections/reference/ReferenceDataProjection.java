package uk.nhs.ics.transition.projections.reference;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.ccg.BoundaryChangeRegistered;
import uk.nhs.ics.transition.messages.ccg.CcgRegistered;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.region.RegionRegistered;
import uk.nhs.ics.transition.projections.ReadModelReset;
import uk.nhs.ics.transition.projections.Sql;

/**
 * Folds the registration of regions, ICSs, CCGs and boundary changes into the organisation tables. Registrations
 * never change once made, so a repeated event inserts nothing.
 */
@ProcessingGroup(ReferenceDataProjection.NAME)
public class ReferenceDataProjection {

    public static final String NAME = "reference-data";

    /** Every table this projection writes. */
    public static final List<String> TABLES = List.of("region_view", "ics_view", "ccg_view", "boundary_change_view");

    private final JdbcClient jdbc;

    public ReferenceDataProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegionRegistered event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO region_view (region_code, name, recorded_at)
                        VALUES (:code, :name, :recordedAt)
                        ON CONFLICT (region_code) DO NOTHING""")
                .param("code", event.regionCode().value())
                .param("name", event.name())
                .param("recordedAt", Sql.timestamp(recordedAt))
                .update();
    }

    @EventHandler
    void on(IcsTransitionOpened event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO ics_view (ics_code, name, region_code, ons_code, icb_name, predecessor_ccgs,
                                              recorded_at)
                        VALUES (:code, :name, :region, :ons, :icb, :predecessors, :recordedAt)
                        ON CONFLICT (ics_code) DO NOTHING""")
                .param("code", event.icsCode().value())
                .param("name", event.name())
                .param("region", event.regionCode().value())
                .param("ons", event.onsCode())
                .param("icb", event.icbName())
                .param(
                        "predecessors",
                        Sql.textArray(event.predecessorCcgs().stream().map(CcgCode::value)))
                .param("recordedAt", Sql.timestamp(recordedAt))
                .update();
    }

    @EventHandler
    void on(CcgRegistered event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO ccg_view (ccg_code, name, ics_code, ons_code, recorded_at)
                        VALUES (:code, :name, :ics, :ons, :recordedAt)
                        ON CONFLICT (ccg_code) DO NOTHING""")
                .param("code", event.ccgCode().value())
                .param("name", event.name())
                .param("ics", event.icsCode().value())
                .param("ons", event.onsCode())
                .param("recordedAt", Sql.timestamp(recordedAt))
                .update();
    }

    @EventHandler
    void on(BoundaryChangeRegistered event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO boundary_change_view (ccg_code, from_ics, to_ics, area, lsoa_count,
                                                          effective_date, recorded_at)
                        VALUES (:ccg, :from, :to, :area, :lsoas, :effective, :recordedAt)
                        ON CONFLICT (ccg_code, to_ics) DO NOTHING""")
                .param("ccg", event.ccgCode().value())
                .param("from", event.fromIcs().value())
                .param("to", event.toIcs().value())
                .param("area", event.area())
                .param("lsoas", event.lsoaCount())
                .param("effective", event.effectiveDate())
                .param("recordedAt", Sql.timestamp(recordedAt))
                .update();
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(jdbc, NAME, TABLES);
    }
}
