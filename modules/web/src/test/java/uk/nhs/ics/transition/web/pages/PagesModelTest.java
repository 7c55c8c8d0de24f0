package uk.nhs.ics.transition.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.domain.readiness.Rating;
import uk.nhs.ics.transition.projections.readiness.IcsRating;

/** The small rules of the pages: links keep their times, tables sort, values read as words. */
class PagesModelTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 12, 28);

    @Test
    void links_carry_the_times_the_page_was_asked_for_and_no_others() {
        PageTime now = new PageTime(null, null, TODAY, TODAY);
        PageTime past = new PageTime(
                LocalDate.of(2021, 7, 10), Instant.parse("2021-07-05T12:00:00Z"), LocalDate.of(2021, 7, 10), TODAY);

        assertThat(now.link("/regions/Y56")).isEqualTo("/regions/Y56");
        assertThat(now.isPast()).isFalse();
        assertThat(past.link("/regions/Y56", "sort=overall"))
                .isEqualTo("/regions/Y56?at=2021-07-10&asOf=2021-07-05T12%3A00%3A00Z&sort=overall");
        assertThat(past.isPast()).isTrue();
        assertThat(new PageTime(TODAY, null, TODAY, TODAY).isPast())
                .as("today, asked for by name")
                .isFalse();
    }

    @Test
    void the_icss_sort_by_any_column_and_a_second_choice_reverses_it() {
        IcsRating kent = rating("QKS", "Kent and Medway", Rating.RED, Rating.GREEN, 10, 3);
        IcsRating frimley = rating("QNQ", "Frimley", Rating.AMBER, Rating.RED, 40, 0);
        IcsRating surrey = rating("QXU", "Surrey Heartlands", Rating.GREEN, Rating.AMBER, 20, 1);
        List<IcsRating> all = List.of(kent, frimley, surrey);

        assertThat(RegionPage.sorted(all, "name", false)).containsExactly(frimley, kent, surrey);
        assertThat(RegionPage.sorted(all, "overall", true)).containsExactly(kent, frimley, surrey);
        assertThat(RegionPage.sorted(all, "Q1", true)).containsExactly(frimley, surrey, kent);
        assertThat(RegionPage.sorted(all, "percent", false)).containsExactly(kent, surrey, frimley);
        assertThat(RegionPage.sorted(all, "overdue", true)).containsExactly(kent, surrey, frimley);

        RegionPage byOverall = new RegionPage(null, all, "overall", true, List.of(), null, null);
        assertThat(byOverall.ariaSort("overall")).isEqualTo("descending");
        assertThat(byOverall.ariaSort("name")).isEqualTo("none");
        assertThat(byOverall.sortQuery("overall")).isEqualTo("sort=overall");
        assertThat(byOverall.sortQuery("overdue")).as("worst first at first").isEqualTo("sort=overdue&dir=desc");
        assertThat(byOverall.sortQuery("name")).isEqualTo("sort=name");
        assertThat(byOverall.keep()).isEqualTo(Map.of("sort", "overall", "dir", "desc"));
    }

    @Test
    void values_read_as_words_and_only_web_addresses_become_links() {
        Formats fmt = new Formats();

        assertThat(fmt.words("DESIGNATE_CONFIRMED")).isEqualTo("Designate confirmed");
        assertThat(fmt.pounds(4_851_230)).isEqualTo("£48,512.30");
        assertThat(fmt.pounds(-1_250)).isEqualTo("-£12.50");
        assertThat(fmt.date(LocalDate.of(2021, 6, 30))).isEqualTo("30 Jun 2021");
        assertThat(fmt.instant(Instant.parse("2021-07-05T12:00:00Z"))).isEqualTo("5 Jul 2021, 13:00:00 BST");
        assertThat(fmt.isWebAddress("https://example.nhs.uk/paper")).isTrue();
        assertThat(fmt.isWebAddress("javascript:alert(1)")).isFalse();
        assertThat(fmt.isWebAddress("KM-ICB-C-v1")).isFalse();
    }

    private static IcsRating rating(String code, String name, Rating overall, Rating q1, int percent, int overdue) {
        return new IcsRating(code, name, "Y59", overall, Map.of("Q1", q1), 0, 29, percent, overdue);
    }
}
