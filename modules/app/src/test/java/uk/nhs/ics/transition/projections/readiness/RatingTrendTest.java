package uk.nhs.ics.transition.projections.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;
import uk.nhs.ics.transition.projections.AsOf;

/**
 * The trend of ICSs by rating, against the real read models: each weekly point is exactly what the nation's or a
 * region's readiness answers for that date as known at the same instant, and the trend follows both what was
 * recorded and when it was known. West Yorkshire and Harrogate (QWO, region Y63) is this test's alone.
 */
class RatingTrendTest extends EndToEndTest {

    @Autowired
    ReadinessQueries readiness;

    @Test
    void every_point_is_what_the_readiness_answers_for_its_date_as_known_at_the_same_instant() {
        AsOf asOf = AsOf.of(Instant.now());
        LocalDate at = LocalDate.of(2022, 3, 15);

        RatingTrend nation = readiness.trend(ics -> true, null, at, asOf);
        RatingTrend region = readiness.trend(ics -> true, "Y63", at, asOf);
        NationalOverview overview = readiness.nationalOverview(at, asOf);
        RegionOverview regionOverview =
                readiness.regionOverview("Y63", ics -> true, at, asOf).orElseThrow();

        assertThat(overview.trend())
                .as("the overview reads once what the queries read apart")
                .isEqualTo(nation);
        assertThat(overview.readiness()).isEqualTo(readiness.national(at, asOf));
        assertThat(overview.systems()).isEqualTo(readiness.ratings(ics -> true, null, at, asOf));
        assertThat(regionOverview.trend()).isEqualTo(region);
        assertThat(regionOverview.readiness())
                .isEqualTo(readiness.region("Y63", at, asOf).orElseThrow());
        assertThat(regionOverview.overdue())
                .isEqualTo(readiness
                        .overdue(ics -> true, "Y63", at, asOf, uk.nhs.ics.transition.projections.PageRequest.all())
                        .items());

        assertThat(nation.points()).hasSize(51);
        assertThat(nation.points().get(nation.points().size() - 1).date()).isEqualTo(at);
        for (RatingTrend.Point point : nation.points()) {
            NationalReadiness then = readiness.national(point.date(), asOf);
            assertThat(point.counts()).as("the nation on %s", point.date()).isEqualTo(then.overall());
            assertThat(point.baselineNumber()).isEqualTo(then.baselineNumber());
            assertThat(point.counts().total()).isEqualTo(42);
        }
        for (RatingTrend.Point point : region.points()) {
            assertThat(point.counts())
                    .as("North East and Yorkshire on %s", point.date())
                    .isEqualTo(readiness
                            .region("Y63", point.date(), asOf)
                            .orElseThrow()
                            .counts());
        }
    }

    @Test
    void the_trend_follows_what_was_recorded_and_what_was_known_when() {
        Instant before = Instant.now();
        LocalDate today = clock.today();
        clock.setToday(LocalDate.of(2021, 6, 28));
        long version = 0;
        try {
            String manager = api.programmeManager("QWO");
            for (String milestone : List.of("Q1-SDP-UPDATED", "Q1-TRANSITION-PLAN")) {
                post(manager, "/api/v1/systems/QWO/milestones/" + milestone + "/start", null);
                version = post(
                        manager,
                        "/api/v1/systems/QWO/milestones/" + milestone + "/complete",
                        Map.of(
                                "completedOn",
                                "2021-06-25",
                                "evidence",
                                List.of(Map.of("reference", "WY-" + milestone, "description", "Board paper"))));
            }
        } finally {
            clock.setToday(today);
        }
        awaitMilestones(version);
        LocalDate at = LocalDate.of(2021, 7, 8);

        RatingTrend now = readiness.trend("QWO"::equals, null, at, AsOf.now());
        RatingTrend then = readiness.trend("QWO"::equals, null, at, AsOf.of(before));

        assertThat(counts(now, "2021-04-01")).as("Q1 far off").isEqualTo(new RatingCounts(1, 0, 0));
        assertThat(counts(now, "2021-06-03")).as("Q1 due within 28 days").isEqualTo(new RatingCounts(0, 1, 0));
        assertThat(counts(now, "2021-07-01")).as("Q1 done on time").isEqualTo(new RatingCounts(1, 0, 0));
        assertThat(counts(then, "2021-07-01"))
                .as("as known before the completions were recorded, Q1 is overdue")
                .isEqualTo(new RatingCounts(0, 0, 1));
        assertThat(counts(now, "2021-06-24"))
                .as("rated the day before the work was done, it was not yet done")
                .isEqualTo(new RatingCounts(0, 1, 0));
        assertThat(now.points().get(now.points().size() - 1).date()).isEqualTo(at);
    }

    private static RatingCounts counts(RatingTrend trend, String date) {
        return trend.points().stream()
                .filter(point -> point.date().equals(LocalDate.parse(date)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no point on " + date + " in " + trend.points()))
                .counts();
    }

    private long post(String token, String path, Object body) {
        Api.Call call = api.post(path).token(token);
        if (body != null) {
            call.json(body);
        }
        Api.Response response = call.send();
        assertThat(response.status()).as("%s answered %s", path, response).isEqualTo(200);
        return response.json().get("version").asLong();
    }

    private void awaitMilestones(long version) {
        Api.Response shown = api.get("/api/v1/systems/QWO/milestones")
                .token(api.nationalTeam())
                .header("X-Min-Version", String.valueOf(version))
                .send();
        assertThat(shown.status()).as("%s", shown).isEqualTo(200);
    }
}
