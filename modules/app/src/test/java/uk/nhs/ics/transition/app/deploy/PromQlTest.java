package uk.nhs.ics.transition.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.PromQl;

/** The reading of metric names out of PromQL that the dashboards' and alerts' test relies on. */
class PromQlTest {

    @Test
    void finds_the_metrics_and_nothing_else() {
        assertThat(
                        PromQl.metricNames(
                                "histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket{job=\"ics-transition\", uri=~\"/api/.*\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(
                        PromQl.metricNames(
                                "max by (processor) (ics_projection_lag_events{job=\"x\"}) > 1000 unless on (processor) max by (processor) (ics_projection_replaying) == 1"))
                .containsExactly("ics_projection_lag_events", "ics_projection_replaying");
        assertThat(PromQl.metricNames("sum(increase(ics_ledger_forged_events_total[1h] offset 5m)) > 0 or vector(0)"))
                .containsExactly("ics_ledger_forged_events_total");
        assertThat(PromQl.metricNames("up{job=\"ics-transition\"} == 0")).containsExactly("up");
        assertThat(PromQl.metricNames("a / on (instance) group_left (version) b * 1e3"))
                .containsExactly("a", "b");
    }
}
