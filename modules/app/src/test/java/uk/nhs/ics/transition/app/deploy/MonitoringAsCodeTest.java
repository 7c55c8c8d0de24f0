package uk.nhs.ics.transition.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.app.support.PromQl;
import uk.nhs.ics.transition.app.support.Promtool;
import uk.nhs.ics.transition.app.support.Repository;
import uk.nhs.ics.transition.app.support.Scrape;

/**
 * The dashboards of {@code deploy/grafana/dashboards} and the alerts of {@code deploy/prometheus/rules}, against the
 * running service: every metric a panel or an alert queries is one the service exposes (its scrape after some traffic),
 * every query is valid PromQL, the rules pass {@code promtool check rules} and their unit tests ({@code promtool test
 * rules}), and every alert links a runbook section that exists.
 */
class MonitoringAsCodeTest extends EndToEndTest {

    private static final String RULES = "deploy/prometheus/rules/ics-transition.rules.yml";
    private static final String RULE_TESTS = "deploy/prometheus/tests/ics-transition.rules.test.yml";
    private static final String RUNBOOKS = "docs/operations/runbooks.md";

    /** Every query of every panel, by where it is. */
    static Map<String, String> dashboardQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String file : Repository.files("deploy/grafana/dashboards", ".json")) {
            collect(file, Repository.json(file).path("panels"), queries);
        }
        return queries;
    }

    private static void collect(String where, JsonNode panels, Map<String, String> queries) {
        for (JsonNode panel : panels) {
            collect(where, panel.path("panels"), queries); // rows hold panels of their own
            for (JsonNode target : panel.path("targets")) {
                queries.put(
                        where + " \"" + panel.path("title").asText() + "\" "
                                + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
    }

    static Map<String, String> alertQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode group : Repository.yaml(RULES).get(0).get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                queries.put(
                        rule.path("alert").asText(rule.path("record").asText()),
                        rule.get("expr").asText());
            }
        }
        return queries;
    }

    @Test
    void every_metric_a_dashboard_or_an_alert_queries_is_one_the_service_exposes() {
        // traffic, so that the command, event and HTTP histograms all have series
        api.get("/api/v1/systems/QM7").token(api.nationalTeam()).send();
        Set<String> exposed = new Scrape(api.get("/actuator/prometheus")
                        .token(api.nationalTeam())
                        .send()
                        .body())
                .sampleNames();
        // up is Prometheus's own, for every target
        exposed.add("up");
        Map<String, String> queries = new LinkedHashMap<>(dashboardQueries());
        alertQueries().forEach((alert, expr) -> queries.put(RULES + " " + alert, expr));

        assertThat(dashboardQueries()).hasSizeGreaterThan(30);
        assertThat(alertQueries()).hasSizeGreaterThanOrEqualTo(10);
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        queries.forEach((where, expr) -> {
            Set<String> names = PromQl.metricNames(expr);
            assertThat(names).as("%s queries a metric: %s", where, expr).isNotEmpty();
            Set<String> missing = new TreeSet<>(names);
            missing.removeAll(exposed);
            if (!missing.isEmpty()) {
                unknown.put(where, missing);
            }
        });
        assertThat(unknown).as("metrics the service does not expose").isEmpty();
    }

    @Test
    void every_dashboard_query_is_valid_promql() throws IOException {
        // promtool parses rules; each query becomes a recording rule, Grafana's interval a fixed one
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        int n = 0;
        for (String expr : dashboardQueries().values()) {
            rules.append("      - record: dashboard:query:")
                    .append(n++)
                    .append("\n        expr: '")
                    .append(expr.replace("$__rate_interval", "5m").replace("'", "''"))
                    .append("'\n");
        }
        Path file = Files.createTempFile("dashboards", ".rules.yml");
        Files.writeString(file, rules);

        Promtool.Result check = Promtool.run(null, "check", "rules", file.toString());

        assertThat(check.passed()).as(check.toString()).isTrue();
        assertThat(check.output()).contains("SUCCESS: " + n + " rules found");
    }

    @Test
    void the_alert_rules_pass_promtool_check_rules_and_their_unit_tests() {
        Promtool.Result check =
                Promtool.run(null, "check", "rules", Repository.file(RULES).toString());
        Promtool.Result tests =
                Promtool.run(null, "test", "rules", Repository.file(RULE_TESTS).toString());

        assertThat(check.passed()).as(check.toString()).isTrue();
        assertThat(check.output()).contains("SUCCESS: " + alertQueries().size() + " rules found");
        assertThat(tests.passed()).as(tests.toString()).isTrue();
    }

    @Test
    void every_alert_links_a_runbook_section_that_exists_and_every_section_is_an_alerts() {
        Set<String> anchors = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^## (.+)$").matcher(Repository.read(RUNBOOKS));
        while (heading.find()) {
            anchors.add(heading.group(1)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9 -]", "")
                    .replace(' ', '-'));
        }
        List<String> linked = new ArrayList<>();
        for (JsonNode group : Repository.yaml(RULES).get(0).get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                String alert = rule.get("alert").asText();
                String url = rule.at("/annotations/runbook_url").asText();
                assertThat(url).as(alert).isEqualTo(RUNBOOKS + "#" + alert.toLowerCase(Locale.ROOT));
                assertThat(rule.at("/labels/severity").asText()).as(alert).isIn("critical", "warning");
                linked.add(url.substring(url.indexOf('#') + 1));
            }
        }

        assertThat(anchors).containsExactlyInAnyOrderElementsOf(linked);
    }
}
