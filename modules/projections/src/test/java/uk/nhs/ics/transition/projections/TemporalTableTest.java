package uk.nhs.ics.transition.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements a {@link TemporalTable} sends: every write closes only an older current version and is skipped when
 * its own version or a newer one is there (so applying an event twice, or late, changes nothing), values are bound by
 * name, and {@code jsonb} columns are cast. How PostgreSQL then behaves is tested on a real one in the app module
 * ({@code ReadModelTablesTest}).
 */
class TemporalTableTest {

    private static final Instant AT = Instant.parse("2021-09-30T17:00:00Z");

    private final RecordingDatabase database = new RecordingDatabase();
    private final JdbcClient jdbc = JdbcClient.create(database.operations);
    private final TemporalTable milestones = new TemporalTable(
            "milestone_state", List.of("ics_code", "milestone"), List.of("status", "evidence"), Set.of("evidence"));

    @Test
    void a_new_version_closes_only_an_older_current_one_and_is_skipped_when_its_own_or_a_newer_version_is_there() {
        milestones.replace(
                jdbc,
                Map.of("ics_code", "QKS", "milestone", "EST-COMMITTEES"),
                TemporalTable.values("status", "COMPLETE", "evidence", "{\"url\":\"https://example.org\"}"),
                7,
                AT);

        assertThat(database.onlySql())
                .startsWith("WITH closed AS (UPDATE milestone_state SET valid_to = :at"
                        + " WHERE ics_code = :k_ics_code AND milestone = :k_milestone"
                        + " AND valid_to IS NULL AND version < :version RETURNING 1)")
                .contains("INSERT INTO milestone_state (ics_code, milestone, status, evidence, valid_from, version)")
                .endsWith("WHERE NOT EXISTS (SELECT 1 FROM milestone_state"
                        + " WHERE ics_code = :k_ics_code AND milestone = :k_milestone AND version >= :version)");
        assertThat(database.onlyParameters())
                .containsEntry("k_ics_code", "QKS")
                .containsEntry("k_milestone", "EST-COMMITTEES")
                .containsEntry("v_status", "COMPLETE")
                .containsEntry("v_evidence", "{\"url\":\"https://example.org\"}")
                .containsEntry("version", 7L)
                .containsEntry("at", Timestamp.from(AT));
    }

    @Test
    void json_values_are_cast_to_jsonb_and_others_are_bound_as_they_are() {
        milestones.replace(
                jdbc,
                Map.of("ics_code", "QKS", "milestone", "EST-COMMITTEES"),
                TemporalTable.values("status", "COMPLETE", "evidence", null),
                1,
                AT);

        assertThat(database.onlySql())
                .contains(":v_status, CAST(:v_evidence AS jsonb), :at, :version")
                .doesNotContain("CAST(:v_status");
    }

    @Test
    void a_version_needs_a_value_for_every_column_and_nothing_is_sent_without_one() {
        assertThatThrownBy(() -> milestones.replace(
                        jdbc,
                        Map.of("ics_code", "QKS", "milestone", "EST-COMMITTEES"),
                        TemporalTable.values("status", "COMPLETE"),
                        1,
                        AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("milestone_state needs values for [status, evidence]");
        assertThat(database.calls).isEmpty();
    }

    @Test
    void an_amendment_copies_the_unchanged_columns_from_the_version_it_closes() {
        milestones.amend(
                jdbc, Map.of("ics_code", "QKS", "milestone", "EST-COMMITTEES"), Map.of("status", "AT_RISK"), 8, AT);

        assertThat(database.onlySql())
                .contains("AND valid_to IS NULL AND version < :version RETURNING *)")
                .endsWith("SELECT ics_code, milestone, :v_status, evidence, :at, :version FROM closed");
        assertThat(database.onlyParameters())
                .containsEntry("v_status", "AT_RISK")
                .doesNotContainKey("v_evidence");
    }

    @Test
    void an_amendment_of_a_column_the_table_does_not_have_is_refused_and_nothing_is_sent() {
        assertThatThrownBy(() -> milestones.amend(
                        jdbc, Map.of("ics_code", "QKS", "milestone", "EST-COMMITTEES"), Map.of("colour", "red"), 8, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("milestone_state has no columns [colour]");
        assertThat(database.calls).isEmpty();
    }

    @Test
    void ending_by_part_of_the_key_ends_every_matching_current_row_older_than_the_event() {
        milestones.end(jdbc, Map.of("ics_code", "QKS"), 9, AT);

        assertThat(database.onlySql())
                .isEqualTo("UPDATE milestone_state SET valid_to = :at WHERE ics_code = :k_ics_code"
                        + " AND valid_to IS NULL AND version < :version");
    }

    @Test
    void the_present_reads_current_versions_and_an_instant_reads_the_versions_valid_then() {
        assertThat(TemporalTable.valid("m", AsOf.now())).isEqualTo("m.valid_to IS NULL");
        assertThat(TemporalTable.valid("m", AsOf.of(AT)))
                .isEqualTo("(m.valid_from <= :asOf AND (m.valid_to IS NULL OR m.valid_to > :asOf))");
    }
}
