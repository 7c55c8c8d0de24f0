package uk.nhs.ics.transition.app.skeleton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/** The event store is Axon's JDBC engine on PostgreSQL, in tables Flyway owns, with bytea and gap-free sequences. */
class EventStoreSchemaTest extends EndToEndTest {

    @Autowired
    Environment environment;

    @Test
    void event_payloads_and_metadata_are_stored_as_bytea() {
        Map<String, String> types =
                jdbc.sql("""
                        SELECT column_name, data_type FROM information_schema.columns
                         WHERE table_name = 'domain_event_entry' AND column_name IN ('payload', 'meta_data')""").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(types).containsEntry("payload", "bytea").containsEntry("meta_data", "bytea");
    }

    @Test
    void no_column_of_any_table_is_an_oid() {
        List<String> oidColumns = jdbc.sql("""
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                         WHERE table_schema = 'public' AND data_type = 'oid'""").query(String.class).list();

        assertThat(oidColumns).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_global_index_comes_from_a_sequence_that_steps_by_one() {
        Long increment = jdbc.sql("""
                        SELECT increment_by FROM pg_sequences
                         WHERE sequencename = 'domain_event_entry_global_index_seq'""").query(Long.class).single();

        assertThat(increment).isEqualTo(1L);
    }

    @Test
    void after_the_start_up_commands_the_global_index_has_no_gap() {
        var range = jdbc.sql("SELECT count(*), min(global_index), max(global_index) FROM domain_event_entry")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();

        assertThat(range[0]).as("events stored by the start-up registration").isGreaterThanOrEqualTo(160);
        assertThat(range[1]).isEqualTo(1);
        assertThat(range[2] - range[1] + 1).as("indexes used").isEqualTo(range[0]);
    }

    @Test
    void flyway_owns_the_schema_and_nothing_else_creates_tables() {
        List<String> applied = jdbc.sql(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class)
                .list();

        assertThat(applied).startsWith("1", "2");
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""").query(String.class).list();
        assertThat(tables)
                .as("Axon's tables, as the migrations name them")
                .contains(
                        "domain_event_entry",
                        "snapshot_event_entry",
                        "token_entry",
                        "dead_letter_entry",
                        "saga_entry",
                        "association_value_entry")
                .as("and none under Axon's own default names, which only Axon's schema creation would make")
                .noneMatch(table -> table.matches("(?i)(domainevententry|snapshotevententry|tokenentry"
                        + "|deadletterentry|sagaentry|associationvalueentry)"));
        assertThat(ClassUtils.isPresent("org.hibernate.Session", getClass().getClassLoader()))
                .as("Hibernate is not on the class path")
                .isFalse();
        assertThat(ClassUtils.isPresent(
                        "jakarta.persistence.EntityManager", getClass().getClassLoader()))
                .as("JPA is not on the class path")
                .isFalse();
    }

    @Test
    void events_are_serialised_as_json_not_xml() {
        String payload = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                         WHERE payload_type LIKE '%RegionRegistered' ORDER BY global_index LIMIT 1""").query(String.class).single();

        assertThat(payload).startsWith("{").contains("\"regionCode\"");
    }
}
