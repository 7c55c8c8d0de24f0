package uk.nhs.ics.transition.projections.programme;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import uk.nhs.ics.transition.messages.common.Baseline;
import uk.nhs.ics.transition.messages.common.MilestoneCode;
import uk.nhs.ics.transition.messages.common.Quarter;
import uk.nhs.ics.transition.projections.Json;

/** A baseline's maps as JSON objects keyed by quarter name and milestone code, and back. */
final class BaselineJson {

    private static final TypeReference<Map<String, LocalDate>> DATES = new TypeReference<>() {};

    private BaselineJson() {}

    static String quarterEnds(Baseline baseline) {
        Map<String, LocalDate> ends = new TreeMap<>();
        baseline.quarterEnds().forEach((quarter, end) -> ends.put(quarter.name(), end));
        return Json.write(ends);
    }

    static String dueDateOverrides(Baseline baseline) {
        Map<String, LocalDate> overrides = new TreeMap<>();
        baseline.dueDateOverrides().forEach((milestone, due) -> overrides.put(milestone.code(), due));
        return Json.write(overrides);
    }

    static Baseline read(String quarterEnds, LocalDate establishmentDate, String dueDateOverrides) {
        Map<Quarter, LocalDate> ends = new EnumMap<>(Quarter.class);
        Json.read(quarterEnds, DATES).forEach((quarter, end) -> ends.put(Quarter.valueOf(quarter), end));
        Map<MilestoneCode, LocalDate> overrides = new EnumMap<>(MilestoneCode.class);
        Json.read(dueDateOverrides, DATES).forEach((code, due) -> overrides.put(MilestoneCode.of(code), due));
        return new Baseline(ends, establishmentDate, overrides);
    }
}
