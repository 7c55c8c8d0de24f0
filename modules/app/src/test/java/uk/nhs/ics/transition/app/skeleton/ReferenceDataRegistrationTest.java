package uk.nhs.ics.transition.app.skeleton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import uk.nhs.ics.transition.app.reference.ReferenceDataRegistrar;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/** At first start every region, ICS, CCG and boundary change is registered by command, and only once. */
class ReferenceDataRegistrationTest extends EndToEndTest {

    @Autowired
    ReferenceDataRegistrar registrar;

    @Test
    void each_organisation_is_registered_by_its_own_event() {
        Map<String, Long> counts = countsByType();

        assertThat(counts)
                .containsEntry("ProgrammeOpened", 1L)
                .containsEntry("RegionRegistered", 7L)
                .containsEntry("IcsTransitionOpened", 42L)
                .containsEntry("CcgRegistered", 106L)
                .containsEntry("BoundaryChangeRegistered", 4L);
    }

    @Test
    void registering_again_registers_nothing_new() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
        Map<String, Long> registrationsBefore = countsByType();

        registrar.run(new DefaultApplicationArguments());

        assertThat(countsByType()).isEqualTo(registrationsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void each_ics_is_opened_with_the_full_milestone_plan_and_its_predecessor_ccgs() {
        String derbyshire = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                         WHERE aggregate_identifier = 'QJ2' AND sequence_number = 0""").query(String.class).single();

        assertThat(derbyshire)
                .contains("\"milestonePlan\"")
                .contains("\"Q1-SDP-UPDATED\"", "\"Q4-MOU-AGREED\"", "\"EST-DIGITAL-FOUNDATIONS\"")
                // Derby and Derbyshire CCG, and Tameside and Glossop CCG for Glossop
                .contains("\"predecessorCcgs\":[\"01Y\",\"15M\"]");
    }

    @Test
    void registrations_name_the_system_as_actor() {
        String metadata = jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                         WHERE aggregate_identifier = 'QKS' AND sequence_number = 0""").query(String.class).single();

        assertThat(metadata)
                .contains("\"actor\":\"system\"")
                .contains("\"actorRole\":\"SYSTEM\"")
                .contains("\"correlationId\":\"startup-");
    }

    private Map<String, Long> countsByType() {
        return jdbc.sql("""
                        SELECT regexp_replace(payload_type, '^.*\\.', '') AS type, count(*) FROM domain_event_entry
                         WHERE payload_type ~ '(ProgrammeOpened|Registered|IcsTransitionOpened)$'
                         GROUP BY 1""").query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
