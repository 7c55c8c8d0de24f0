package uk.nhs.ics.transition.domain.readiness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.MilestoneStatus;
import uk.nhs.ics.transition.messages.common.Quarter;

/**
 * The rating rules of the timetable, for a milestone at a date {@code at}:
 *
 * <ul>
 *   <li>GREEN: complete on or before its due date; or not complete, not at risk, and due more than 28 days after
 *       {@code at};
 *   <li>AMBER: not complete and due within 28 days; or flagged at risk; or completed after its due date ("complete
 *       late", flagged);
 *   <li>RED: not complete and past its due date.
 * </ul>
 *
 * Each clause is a {@link RatingRule}, and every rating carries the one that applied, so a page or a report says why a
 * milestone has its rating without working it out again.
 *
 * A milestone counts as complete at {@code at} only if it was completed on or before {@code at}: rated for an earlier
 * date, a later completion has not happened yet. An ICS's rating in a quarter is the worst of its milestones due in
 * that quarter; its overall rating the worst over the quarters that have started.
 */
public final class RagRules {

    /** How close a due date must be for an unfinished milestone to turn amber. */
    public static final int AMBER_WINDOW_DAYS = 28;

    private RagRules() {}

    /** What the rating of one milestone needs to know about it. */
    public record MilestoneFacts(MilestoneCode milestone, MilestoneStatus status, LocalDate completedOn) {}

    public static MilestoneRating rate(MilestoneStatus status, LocalDate completedOn, LocalDate due, LocalDate at) {
        return new MilestoneRating(rule(status, completedOn, due, at));
    }

    /** Which clause of the rules applies to the milestone at the date; the first that holds, in the order above. */
    public static RatingRule rule(MilestoneStatus status, LocalDate completedOn, LocalDate due, LocalDate at) {
        boolean complete = status == MilestoneStatus.COMPLETE && completedOn != null && !completedOn.isAfter(at);
        if (complete) {
            return completedOn.isAfter(due) ? RatingRule.COMPLETE_LATE : RatingRule.COMPLETE_ON_TIME;
        }
        if (at.isAfter(due)) {
            return RatingRule.OVERDUE;
        }
        if (status == MilestoneStatus.AT_RISK) {
            return RatingRule.AT_RISK;
        }
        return ChronoUnit.DAYS.between(at, due) <= AMBER_WINDOW_DAYS ? RatingRule.DUE_SOON : RatingRule.DUE_LATER;
    }

    public static MilestoneRating rate(MilestoneFacts facts, Baseline baseline, LocalDate at) {
        return rate(facts.status(), facts.completedOn(), baseline.dueDate(facts.milestone()), at);
    }

    /** Whether a period has started by the date: only started periods count towards the overall rating. */
    public static boolean hasStarted(Quarter quarter, Baseline baseline, LocalDate at) {
        return !at.isBefore(baseline.start(quarter));
    }

    /** An ICS's rating in each period: the worst rating of its milestones in that period. */
    public static Map<Quarter, Rating> byQuarter(
            Collection<MilestoneFacts> milestones, Baseline baseline, LocalDate at) {
        Map<Quarter, Rating> ratings = new EnumMap<>(Quarter.class);
        for (MilestoneFacts facts : milestones) {
            Rating rating = rate(facts, baseline, at).rating();
            ratings.merge(facts.milestone().quarter(), rating, Rating::worst);
        }
        return ratings;
    }

    /** An ICS's overall rating: the worst over the periods that have started; green before any has. */
    public static Rating overall(Map<Quarter, Rating> byQuarter, Baseline baseline, LocalDate at) {
        Rating overall = Rating.GREEN;
        for (Map.Entry<Quarter, Rating> entry : byQuarter.entrySet()) {
            if (hasStarted(entry.getKey(), baseline, at)) {
                overall = overall.worst(entry.getValue());
            }
        }
        return overall;
    }
}
