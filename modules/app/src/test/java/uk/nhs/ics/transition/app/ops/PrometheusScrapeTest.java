package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.app.support.Promtool;
import uk.nhs.ics.transition.app.support.Scrape;
import uk.nhs.ics.transition.messages.common.ErrorCode;

/**
 * {@code /actuator/prometheus} as Prometheus and its operators expect it: {@code promtool check metrics} passes on the
 * whole scrape, latencies are histograms, labels are snake_case and their number bounded, and the programme's own
 * gauges and counters say what the API says. Writes to North Cumbria (QNC) only, which no other test touches.
 */
class PrometheusScrapeTest extends EndToEndTest {

    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][A-Z]");

    @BeforeEach
    void aRefusalAndSomeTraffic() {
        clock.setToday(LocalDate.of(2021, 6, 1));
        // due diligence never starts for QNC, so raising an item is always refused
        var refused = api.post("/api/v1/systems/QNC/due-diligence/items")
                .token(api.programmeManager("QNC"))
                .json(Map.of("category", "STAFF", "title", "TUPE lists"))
                .send();
        assertThat(refused.json().path("code").asText()).isEqualTo(ErrorCode.DUE_DILIGENCE_NOT_STARTED.name());
        api.get("/api/v1/systems/QNC").token(api.nationalTeam()).send();
    }

    private Scrape scrape() {
        var response = api.get("/actuator/prometheus").token(api.nationalTeam()).send();
        assertThat(response.status()).isEqualTo(200);
        return new Scrape(response.body());
    }

    @Test
    void promtool_check_metrics_passes_on_the_whole_scrape() {
        Scrape scrape = scrape();

        Promtool.Result lint = Promtool.run(scrape.text(), "check", "metrics");

        assertThat(lint.passed()).as(lint.toString()).isTrue();
        assertThat(lint.output()).isEmpty();
        // the scrape checked holds Axon's, the web's and the programme's metrics, not an empty page
        assertThat(scrape.sampleNames())
                .contains(
                        "axon_command_handling_seconds_bucket",
                        "axon_event_processing_seconds_bucket",
                        "http_server_requests_seconds_bucket",
                        "ics_readiness_systems",
                        "ics_command_refusals_total",
                        "ics_projection_dead_letters_events",
                        "ics_ledger_pending_events");
    }

    @Test
    void latencies_are_histograms_never_client_side_quantiles() {
        Map<String, String> types = scrape().types();

        assertThat(types)
                .containsEntry("axon_command_handling_seconds", "histogram")
                .containsEntry("axon_event_processing_seconds", "histogram")
                .containsEntry("axon_event_publication_seconds", "histogram")
                .containsEntry("http_server_requests_seconds", "histogram");
        assertThat(scrape().text()).doesNotContain("quantile=");
    }

    @Test
    void names_and_labels_are_snake_case_and_axons_series_do_not_grow_with_event_types() {
        Scrape scrape = scrape();

        for (Scrape.Sample sample : scrape.samples()) {
            assertThat(CAMEL_CASE.matcher(sample.name()).find())
                    .as(sample.name())
                    .isFalse();
            sample.labels().keySet().forEach(label -> assertThat(
                            CAMEL_CASE.matcher(label).find())
                    .as(sample.name() + " " + label)
                    .isFalse());
        }
        // processors are labelled by name only: one count per processor and outcome, whatever the event types
        List<Scrape.Sample> counts = scrape.samples("axon_event_processing_seconds_count");
        Set<String> processors = new HashSet<>();
        counts.forEach(c -> processors.add(c.labels().get("processor")));
        assertThat(counts).isNotEmpty().allSatisfy(c -> assertThat(c.labels().keySet())
                .containsExactlyInAnyOrder("processor", "outcome"));
        assertThat(counts.size()).isLessThanOrEqualTo(processors.size() * 3);
        // commands are labelled by their type, a closed set
        assertThat(scrape.samples("axon_command_handling_seconds_count"))
                .allSatisfy(c -> assertThat(c.labels().keySet()).containsExactlyInAnyOrder("payload_type", "outcome"));
    }

    @Test
    void a_refused_command_counts_under_its_error_code_and_every_code_is_there_from_the_start() {
        Map<String, String> code = Map.of("code", ErrorCode.DUE_DILIGENCE_NOT_STARTED.name());
        double before = scrape().value("ics_command_refusals_total", code);

        var refused = api.post("/api/v1/systems/QNC/due-diligence/items")
                .token(api.programmeManager("QNC"))
                .json(Map.of("category", "PROPERTY", "title", "Leases"))
                .send();
        Scrape after = scrape();

        assertThat(refused.status()).isEqualTo(409);
        // a refusal that depends on the aggregate's state is decided once more on the store's state (ADR 0026), and
        // each decision is counted
        assertThat(after.value("ics_command_refusals_total", code)).isEqualTo(before + 2);
        assertThat(after.samples("ics_command_refusals_total")).hasSize(ErrorCode.values().length);
        assertThat(after.samples("ics_command_conflicts_total"))
                .extracting(s -> s.labels().get("retried_by"))
                .containsExactlyInAnyOrder("processor", "service");
    }

    @Test
    void icss_by_overall_rating_in_each_region_are_what_the_national_readiness_says_today() {
        JsonNode readiness =
                api.get("/api/v1/readiness").token(api.nationalTeam()).send().json();
        Scrape scrape = scrape();

        assertThat(readiness.get("byRegion")).isNotEmpty();
        for (JsonNode region : readiness.get("byRegion")) {
            String code = region.get("regionCode").asText();
            for (String rating : List.of("green", "amber", "red")) {
                assertThat(scrape.value(
                                "ics_readiness_systems", Map.of("region", code, "rating", rating.toUpperCase())))
                        .as(code + " " + rating)
                        .isEqualTo(region.get("counts").get(rating).asDouble());
            }
            assertThat(scrape.value("ics_readiness_overdue_milestones", Map.of("region", code)))
                    .isEqualTo(region.get("overdueMilestones").asDouble());
        }
        double total = scrape.samples("ics_readiness_systems").stream()
                .mapToDouble(Scrape.Sample::value)
                .sum();
        assertThat(total).isEqualTo(readiness.get("systems").asDouble());
    }

    @Test
    void every_processor_reports_its_dead_letters_and_whether_it_is_in_error() {
        JsonNode projections = api.get("/api/v1/admin/projections")
                .token(api.nationalTeam())
                .send()
                .json();
        Scrape scrape = scrape();

        assertThat(projections).isNotEmpty();
        for (JsonNode projection : projections) {
            Map<String, String> processor =
                    Map.of("processor", projection.get("name").asText());
            assertThat(scrape.value("ics_projection_dead_letters_events", processor))
                    .isEqualTo(projection.get("deadLetters").asDouble());
            assertThat(scrape.value("ics_projection_error", processor))
                    .isEqualTo(projection.get("error").asBoolean() ? 1.0 : 0.0);
        }
    }
}
