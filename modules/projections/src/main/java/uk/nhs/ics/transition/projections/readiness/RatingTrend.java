package uk.nhs.ics.transition.projections.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.ics.transition.messages.common.Programme;

/**
 * ICSs counted by overall rating at weekly dates over the programme, as known at one knowledge time. Each point is
 * exactly what the nation's (or the region's) readiness answers when rated at that date as of the same instant: the
 * milestones as known then, under the baseline in force on that date.
 *
 * @param regionCode the region counted, or null for the nation
 * @param at the rating date the trend runs up to
 * @param asOf the knowledge time, or null for now
 * @param points one per week from the start of the programme, and the last at {@code at} (or at establishment)
 */
public record RatingTrend(String regionCode, LocalDate at, Instant asOf, List<Point> points) {

    /** How many days apart the points are. */
    static final int STEP_DAYS = 7;

    public RatingTrend {
        points = List.copyOf(points);
    }

    /**
     * The ICSs by overall rating on one date.
     *
     * @param date the rating date
     * @param baselineNumber the baseline in force on it
     * @param counts ICSs by overall rating
     */
    public record Point(LocalDate date, int baselineNumber, RatingCounts counts) {}

    /**
     * The dates a trend up to {@code at} is drawn at: every week from the start of the programme, and the last point
     * on {@code at} itself, so the trend ends on what the page shows. Nothing is drawn after establishment (the
     * programme is over) or in the future of the rating date.
     */
    static List<LocalDate> dates(LocalDate at, LocalDate establishmentDate) {
        LocalDate end = at.isAfter(establishmentDate) ? establishmentDate : at;
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = Programme.START; date.isBefore(end); date = date.plusDays(STEP_DAYS)) {
            dates.add(date);
        }
        dates.add(end);
        return dates;
    }
}
