package uk.nhs.ics.transition.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The ODS code of an NHS England and NHS Improvement region, e.g. {@code Y59} (South East). */
public record RegionCode(@JsonValue String value) implements Comparable<RegionCode> {

    /** The format of the code, as a regular expression (the API declares and checks the same one). */
    public static final String PATTERN = "Y[0-9]{2}";

    private static final Pattern FORMAT = Pattern.compile(PATTERN);

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
