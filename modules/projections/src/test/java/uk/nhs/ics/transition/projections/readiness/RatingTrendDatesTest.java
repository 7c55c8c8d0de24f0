package uk.nhs.ics.transition.projections.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.messages.common.Programme;

/** Where a trend's points fall: weekly from the start of the programme, ending on the rating date. */
class RatingTrendDatesTest {

    private static final LocalDate ESTABLISHMENT = LocalDate.of(2022, 7, 1);

    @Test
    void points_are_a_week_apart_from_the_start_of_the_programme_and_the_last_is_the_rating_date() {
        List<LocalDate> dates = RatingTrend.dates(LocalDate.of(2021, 12, 28), ESTABLISHMENT);

        assertThat(dates.get(0)).isEqualTo(Programme.START);
        assertThat(dates.get(1)).isEqualTo(LocalDate.of(2021, 4, 8));
        assertThat(dates).last().isEqualTo(LocalDate.of(2021, 12, 28));
        assertThat(dates.get(dates.size() - 2)).isEqualTo(LocalDate.of(2021, 12, 23));
        for (int i = 1; i < dates.size() - 1; i++) {
            assertThat(ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i))).isEqualTo(7);
        }
        assertThat(dates).hasSize(39 + 1);
    }

    @Test
    void a_rating_date_on_a_weekly_point_is_not_drawn_twice() {
        assertThat(RatingTrend.dates(LocalDate.of(2021, 4, 15), ESTABLISHMENT))
                .containsExactly(Programme.START, LocalDate.of(2021, 4, 8), LocalDate.of(2021, 4, 15));
    }

    @Test
    void after_establishment_the_trend_stops_at_the_establishment_date() {
        List<LocalDate> dates = RatingTrend.dates(LocalDate.of(2026, 1, 1), ESTABLISHMENT);

        assertThat(dates).last().isEqualTo(ESTABLISHMENT);
        assertThat(dates).allMatch(date -> !date.isAfter(ESTABLISHMENT));
    }

    @Test
    void on_the_first_day_the_trend_is_one_point() {
        assertThat(RatingTrend.dates(Programme.START, ESTABLISHMENT)).containsExactly(Programme.START);
    }

    @Test
    void before_the_programme_began_the_trend_is_the_rating_date_alone() {
        assertThat(RatingTrend.dates(LocalDate.of(2021, 3, 1), ESTABLISHMENT))
                .containsExactly(LocalDate.of(2021, 3, 1));
    }
}
