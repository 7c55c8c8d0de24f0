package uk.nhs.ics.transition.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.projections.readiness.RatingCounts;
import uk.nhs.ics.transition.projections.readiness.RatingTrend;

/** The trend's drawing: stacked bars that add up, an axis that covers them, and words for those who cannot see it. */
class TrendChartTest {

    private static final RatingTrend TREND = new RatingTrend(
            "Y56",
            LocalDate.of(2021, 7, 10),
            null,
            List.of(
                    new RatingTrend.Point(LocalDate.of(2021, 6, 24), 0, new RatingCounts(0, 5, 0)),
                    new RatingTrend.Point(LocalDate.of(2021, 7, 1), 0, new RatingCounts(1, 0, 4)),
                    new RatingTrend.Point(LocalDate.of(2021, 7, 10), 0, new RatingCounts(1, 1, 3))));

    @Test
    void each_bar_stacks_red_then_amber_then_green_to_the_number_of_icss() {
        TrendChart chart = TrendChart.of("t", TREND, new Formats());

        TrendChart.Bar last = chart.bars().get(2);
        double bottom = chart.plotTop() + chart.plotHeight();
        double perIcs = chart.plotHeight() / 5.0;
        // drawn to a tenth of a unit
        Offset<Double> tenth = Offset.offset(0.11);
        assertThat(last.red().y() + last.red().height()).isCloseTo(bottom, tenth);
        assertThat(last.red().height()).isCloseTo(3 * perIcs, tenth);
        assertThat(last.amber().y() + last.amber().height())
                .isCloseTo(last.red().y(), tenth);
        assertThat(last.amber().height()).isCloseTo(perIcs, tenth);
        assertThat(last.green().y() + last.green().height())
                .isCloseTo(last.amber().y(), tenth);
        assertThat(last.green().y()).isCloseTo(chart.plotTop(), tenth);
        assertThat(chart.bars().get(0).red().height()).isZero();
        assertThat(last.title()).isEqualTo("10 Jul 2021: 1 green, 1 amber, 3 red");
    }

    @Test
    void the_axes_cover_every_bar_and_name_each_month_once() {
        TrendChart chart = TrendChart.of("t", TREND, new Formats());

        assertThat(chart.ticks()).extracting(TrendChart.Tick::value).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(chart.months())
                .extracting(TrendChart.MonthLabel::month, TrendChart.MonthLabel::year)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Jun", "2021"),
                        org.assertj.core.groups.Tuple.tuple("Jul", ""));
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.x() + bar.width())
                .isLessThanOrEqualTo(chart.plotLeft() + chart.plotWidth()));
    }

    @Test
    void the_description_says_where_the_trend_starts_and_ends() {
        assertThat(TrendChart.of("t", TREND, new Formats()).description())
                .isEqualTo("ICSs by overall rating each week from 24 Jun 2021 to 10 Jul 2021. On 24 Jun 2021: 0 green,"
                        + " 5 amber, 0 red. On 10 Jul 2021: 1 green, 1 amber, 3 red. The table after the chart gives"
                        + " every week.");
        assertThat(TrendChart.table(TREND).csvRows())
                .last()
                .isEqualTo(List.of(LocalDate.of(2021, 7, 10), 0, 1, 1, 3, 5));
    }

    @Test
    void forty_two_icss_are_drawn_on_an_axis_to_fifty_in_tens() {
        RatingTrend nation = new RatingTrend(
                null,
                LocalDate.of(2021, 4, 1),
                null,
                List.of(new RatingTrend.Point(LocalDate.of(2021, 4, 1), 0, new RatingCounts(42, 0, 0))));

        assertThat(TrendChart.of("n", nation, new Formats()).ticks())
                .extracting(TrendChart.Tick::value)
                .containsExactly(0, 10, 20, 30, 40, 50);
    }
}
