package uk.nhs.ics.transition.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The ODS code of an NHS England and NHS Improvement region, e.g. {@code Y59} (South East). */
public record RegionCode(@JsonValue String value) implements Comparable<RegionCode> {

    private static final Pattern FORMAT = Pattern.compile("Y[0-9]{2}");

    @JsonCreator
    public RegionCode {
        Checks.matches(value, FORMAT, "regionCode", "an NHS England region code such as Y59");
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    /** The bare code: Axon routes commands by this string, and it is what people read. */
    @Override
    public String toString() {
        return value;
    }
}
