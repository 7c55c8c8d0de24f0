package uk.nhs.ics.transition.messages.common;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A national timetable: the end of each quarter, the establishment (go-live) date, and the milestones whose due date
 * was set on its own by a re-baseline. A milestone is due at the end of its quarter unless it has its own date;
 * the establishment duties ({@link Quarter#EST}) are due on the establishment date.
 *
 * @param quarterEnds the last day of each of Q1 to Q4
 * @param establishmentDate the day the ICS NHS bodies are established
 * @param dueDateOverrides milestones whose due date a re-baseline named explicitly
 */
public record Baseline(
        Map<Quarter, LocalDate> quarterEnds,
        LocalDate establishmentDate,
        Map<MilestoneCode, LocalDate> dueDateOverrides) {

    public Baseline {
        Checks.required(quarterEnds, "quarterEnds");
        Checks.required(establishmentDate, "establishmentDate");
        EnumMap<Quarter, LocalDate> ends = new EnumMap<>(Quarter.class);
        ends.putAll(quarterEnds);
        if (ends.containsKey(Quarter.EST)) {
            throw new RuleViolation(
                    ErrorCode.BASELINE_INVALID, "quarterEnds", "EST has no quarter end: it is the establishment date");
        }
        LocalDate previous = Programme.START.minusDays(1);
        for (Quarter quarter : Quarter.values()) {
            if (!quarter.isFinancialQuarter()) {
                continue;
            }
            LocalDate end = ends.get(quarter);
            if (end == null) {
                throw new RuleViolation(ErrorCode.BASELINE_INVALID, "quarterEnds", quarter + " has no quarter end");
            }
            if (!end.isAfter(previous)) {
                throw new RuleViolation(
                        ErrorCode.BASELINE_INVALID,
                        "quarterEnds",
                        quarter + " must end after the previous quarter (and after the programme start)");
            }
            previous = end;
        }
        if (!establishmentDate.isAfter(ends.get(Quarter.Q4))) {
            throw new RuleViolation(
                    ErrorCode.BASELINE_INVALID, "establishmentDate", "the establishment date must be after Q4 ends");
        }
        EnumMap<MilestoneCode, LocalDate> overrides = new EnumMap<>(MilestoneCode.class);
        if (dueDateOverrides != null) {
            overrides.putAll(dueDateOverrides);
        }
        overrides.forEach((milestone, due) -> {
            if (due.isBefore(Programme.START) || due.isAfter(establishmentDate)) {
                throw new RuleViolation(
                        ErrorCode.BASELINE_INVALID,
                        "milestoneDueDates." + milestone.code(),
                        "a due date must fall between the programme start and the establishment date");
            }
        });
        quarterEnds = Collections.unmodifiableMap(ends);
        dueDateOverrides = Collections.unmodifiableMap(overrides);
    }

    /** The day a milestone is due under this baseline. */
    public LocalDate dueDate(MilestoneCode milestone) {
        LocalDate own = dueDateOverrides.get(milestone);
        if (own != null) {
            return own;
        }
        return milestone.quarter() == Quarter.EST ? establishmentDate : quarterEnds.get(milestone.quarter());
    }

    /** The last day of a period: the quarter end, or the establishment date for {@link Quarter#EST}. */
    public LocalDate end(Quarter quarter) {
        return quarter == Quarter.EST ? establishmentDate : quarterEnds.get(quarter);
    }

    /**
     * The first day of a period. Q1 starts with the programme; each later quarter the day after the previous one
     * ends. The establishment duties are worked on alongside Q4, so {@link Quarter#EST} starts with Q4.
     */
    public LocalDate start(Quarter quarter) {
        return switch (quarter) {
            case Q1 -> Programme.START;
            case Q2 -> quarterEnds.get(Quarter.Q1).plusDays(1);
            case Q3 -> quarterEnds.get(Quarter.Q2).plusDays(1);
            case Q4, EST -> quarterEnds.get(Quarter.Q3).plusDays(1);
        };
    }

    /**
     * This baseline moved as a re-baseline decides: named quarter ends and due dates change, everything not named
     * keeps its value, and a milestone due at a moved quarter end moves with it (it has no date of its own).
     */
    public Baseline rebaselined(
            Map<Quarter, LocalDate> newQuarterEnds,
            LocalDate newEstablishmentDate,
            Map<MilestoneCode, LocalDate> newDueDates) {
        EnumMap<Quarter, LocalDate> ends = new EnumMap<>(quarterEnds);
        if (newQuarterEnds != null) {
            ends.putAll(newQuarterEnds);
        }
        EnumMap<MilestoneCode, LocalDate> overrides = new EnumMap<>(MilestoneCode.class);
        overrides.putAll(dueDateOverrides);
        if (newDueDates != null) {
            overrides.putAll(newDueDates);
        }
        return new Baseline(ends, newEstablishmentDate == null ? establishmentDate : newEstablishmentDate, overrides);
    }
}
