package uk.nhs.ics.transition.web.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.nhs.ics.transition.projections.readiness.RatingCounts;
import uk.nhs.ics.transition.projections.readiness.RatingTrend;

/**
 * The geometry of a trend drawn as stacked bars, one per week, in server-rendered SVG: red at the bottom (what needs
 * attention first), amber above it, green on top. Colour is never the only signal: each rating has its own pattern
 * (solid, stripes, cross-hatch), the legend names them, the chart has a text description, and the same figures are
 * in a table beside it. The template only places what this computes.
 *
 * @param id a prefix for the SVG's element ids, unique on its page
 * @param width the drawing's width
 * @param height the drawing's height
 * @param plotLeft where the plot area starts
 * @param plotTop where it starts from the top
 * @param plotWidth its width
 * @param plotHeight its height
 * @param bars one per point of the trend
 * @param ticks the value axis
 * @param months labels of the time axis, at the first point of each month
 * @param description the chart in one or two sentences, for people who do not see it
 */
public record TrendChart(
        String id,
        int width,
        int height,
        int plotLeft,
        int plotTop,
        int plotWidth,
        int plotHeight,
        List<Bar> bars,
        List<Tick> ticks,
        List<MonthLabel> months,
        String description) {

    /**
     * One week's bar, as three stacked segments.
     *
     * @param x its left edge
     * @param width its width
     * @param red the bottom segment
     * @param amber the middle segment
     * @param green the top segment
     * @param title the week's figures in words (shown when pointed at)
     */
    public record Bar(double x, double width, Segment red, Segment amber, Segment green, String title) {}

    /** A segment of a bar: its top and its height (zero when the count is zero). */
    public record Segment(double y, double height) {}

    /** A mark on the value axis. */
    public record Tick(double y, int value) {}

    /** A label on the time axis; the year is given for the first month and for January. */
    public record MonthLabel(double x, String month, String year) {}

    private static final int WIDTH = 720;
    private static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;

    static TrendChart of(String id, RatingTrend trend, Formats fmt) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        List<RatingTrend.Point> points = trend.points();
        int max = points.stream().mapToInt(p -> p.counts().total()).max().orElse(0);
        int step = step(max);
        int top = Math.max(step, (max + step - 1) / step * step);
        double slot = points.isEmpty() ? plotWidth : (double) plotWidth / points.size();
        double barWidth = Math.max(1, slot * 0.75);
        List<Bar> bars = new ArrayList<>();
        List<MonthLabel> months = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i < points.size(); i++) {
            RatingTrend.Point point = points.get(i);
            RatingCounts counts = point.counts();
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double base = TOP + plotHeight;
            Segment red = segment(base, counts.red(), top, plotHeight);
            Segment amber = segment(red.y(), counts.amber(), top, plotHeight);
            Segment green = segment(amber.y(), counts.green(), top, plotHeight);
            bars.add(new Bar(
                    round(x), round(barWidth), red, amber, green, fmt.date(point.date()) + ": " + words(counts)));
            LocalDate date = point.date();
            if (previous == null || date.getMonth() != previous.getMonth()) {
                boolean withYear = previous == null || date.getMonthValue() == 1;
                months.add(new MonthLabel(
                        round(LEFT + i * slot),
                        date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK),
                        withYear ? Integer.toString(date.getYear()) : ""));
            }
            previous = date;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int value = 0; value <= top; value += step) {
            ticks.add(new Tick(round(TOP + plotHeight - (double) value * plotHeight / top), value));
        }
        return new TrendChart(
                id, WIDTH, HEIGHT, LEFT, TOP, plotWidth, plotHeight, bars, ticks, months, describe(trend, fmt));
    }

    private static Segment segment(double bottom, int count, int top, int plotHeight) {
        double height = (double) count * plotHeight / top;
        return new Segment(round(bottom - height), round(height));
    }

    /** A step for the value axis that gives at most five intervals. */
    private static int step(int max) {
        for (int step : new int[] {1, 2, 5, 10, 20, 50, 100}) {
            if (max <= step * 5) {
                return step;
            }
        }
        return 100;
    }

    private static String words(RatingCounts counts) {
        return counts.green() + " green, " + counts.amber() + " amber, " + counts.red() + " red";
    }

    private static String describe(RatingTrend trend, Formats fmt) {
        List<RatingTrend.Point> points = trend.points();
        if (points.isEmpty()) {
            return "No ICSs to count.";
        }
        RatingTrend.Point first = points.get(0);
        RatingTrend.Point last = points.get(points.size() - 1);
        return "ICSs by overall rating each week from " + fmt.date(first.date()) + " to " + fmt.date(last.date())
                + ". On " + fmt.date(first.date()) + ": " + words(first.counts()) + ". On " + fmt.date(last.date())
                + ": " + words(last.counts()) + ". The table after the chart gives every week.";
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** The trend as a table to download. */
    static DownloadTable table(RatingTrend trend) {
        DownloadTable.Builder table = DownloadTable.of("date", "baselineNumber", "green", "amber", "red", "systems");
        for (RatingTrend.Point point : trend.points()) {
            RatingCounts counts = point.counts();
            table.row(
                    point.date(), point.baselineNumber(), counts.green(), counts.amber(), counts.red(), counts.total());
        }
        return table.build();
    }
}
