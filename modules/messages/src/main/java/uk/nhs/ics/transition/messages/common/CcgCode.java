package uk.nhs.ics.transition.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The ODS code of a clinical commissioning group, e.g. {@code 91Q}. It identifies the CCG and its transfer scheme. */
public record CcgCode(@JsonValue String value) implements Comparable<CcgCode> {

    /** The format of the code, as a regular expression (the API declares and checks the same one). */
    public static final String PATTERN = "[0-9A-Z]{3,5}";

    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    @JsonCreator
    public CcgCode {
        Checks.matches(value, FORMAT, "ccgCode", "a CCG code such as 91Q");
    }

    public static CcgCode of(String value) {
        return new CcgCode(value);
    }

    @Override
    public int compareTo(CcgCode other) {
        return value.compareTo(other.value);
    }

    /** The bare code: Axon routes commands by this string, and it is what people read. */
    @Override
    public String toString() {
        return value;
    }
}
