package uk.nhs.ics.transition.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.DemoContext;

/**
 * The demo programme ({@code ICS_DEMO=2021-22}) loaded into a store of its own (its own context and database: the
 * demo needs an empty store): every rating in every region on two dates, the re-baseline and the Bill's stages,
 * time travel to 2021-10-01, events stamped in 2021/22 and marked as demo data, and a second start refused. (The
 * context is {@link DemoContext}'s, shared with the other tests that read the demo.)
 */
class DemoProgrammeTest extends DemoContext {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void the_demo_shows_the_2021_22_programme_as_it_stood_on_any_date() {
        Api api = new Api(port);
        String auditor = api.auditor();
        awaitCaughtUp(api, auditor);

        // as the dashboard showed it on the day (rated on that day, as known that evening), and after establishment
        for (String at : new String[] {"2021-10-01", "2022-01-15", "2022-07-04"}) {
            String asOf = at.equals("2022-07-04") ? "" : "&asOf=" + at + "T18:00:00Z";
            JsonNode readiness = api.get("/api/v1/readiness?at=" + at + asOf)
                    .token(auditor)
                    .send()
                    .json();
            assertThat(readiness.path("systems").asInt()).isEqualTo(42);
            for (JsonNode region : readiness.path("byRegion")) {
                JsonNode counts = region.path("counts");
                assertThat(counts.path("green").asInt())
                        .as("green ICSs in %s on %s", region.path("name").asText(), at)
                        .isPositive();
                assertThat(counts.path("amber").asInt())
                        .as("amber ICSs in %s on %s", region.path("name").asText(), at)
                        .isPositive();
                assertThat(counts.path("red").asInt())
                        .as("red ICSs in %s on %s", region.path("name").asText(), at)
                        .isPositive();
            }
        }

        JsonNode programme = api.get("/api/v1/programme").token(auditor).send().json();
        assertThat(programme.path("legislativeMilestones").findValuesAsText("milestone"))
                .containsExactly("INTRODUCED", "SECOND_READING", "THIRD_READING", "ROYAL_ASSENT");
        assertThat(programme.path("legislativeMilestones").findValuesAsText("occurredOn"))
                .containsExactly("2021-07-06", "2021-07-14", "2021-11-23", "2022-04-28");
        assertThat(programme.path("establishmentDate").asText()).isEqualTo("2022-07-01");
        assertThat(programme.path("baselineHistory")).hasSize(2);
        assertThat(programme.path("baselineHistory").get(1).path("decidedOn").asText())
                .isEqualTo("2021-12-24");

        // time travel: what the service had been told by 2021-10-01
        JsonNode then = api.get("/api/v1/programme?asOf=2021-10-01T12:00:00Z")
                .token(auditor)
                .send()
                .json();
        assertThat(then.path("legislativeMilestones").findValuesAsText("milestone"))
                .containsExactly("INTRODUCED", "SECOND_READING");
        assertThat(then.path("establishmentDate").asText()).isEqualTo("2022-04-01");
        JsonNode scheme = api.get("/api/v1/ccgs/01Y/transfer?asOf=2021-10-01T12:00:00Z")
                .token(auditor)
                .send()
                .json();
        assertThat(scheme.path("items").path("totalItems").asInt())
                .as("no register imported yet")
                .isZero();
        JsonNode split =
                api.get("/api/v1/ccgs/01Y/transfer").token(auditor).send().json();
        assertThat(split.path("status").asText()).isEqualTo("EFFECTED");
        assertThat(split.path("totals").findValuesAsText("receivingIcs")).containsExactly("QJ2", "QOP");

        // events carry the simulated calendar and say they are demo data
        String firstRebaseline = jdbc.sql("""
                        SELECT substring(time_stamp, 1, 10) || ' ' || convert_from(meta_data, 'UTF8')
                          FROM domain_event_entry WHERE payload_type LIKE '%.ProgrammeRebaselined'""").query(String.class).single();
        assertThat(firstRebaseline).startsWith("2021-12-24 ").contains("\"demo\":\"2021-22\"");
        JsonNode history =
                api.get("/api/v1/systems/QKS/history").token(auditor).send().json();
        assertThat(history.toString()).contains("2021-");

        // a second start on this store is refused, and says why
        ApplicationArguments none = new DefaultApplicationArguments();
        assertThatThrownBy(() ->
                        context.getBean(DemoLoader.class).refuseAStoreInUse().run(none))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty store only")
                .hasMessageContaining("start without ICS_DEMO");
    }
}
