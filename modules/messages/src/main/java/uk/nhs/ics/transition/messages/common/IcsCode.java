package uk.nhs.ics.transition.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The ODS code of an integrated care system, e.g. {@code QKS} (Kent and Medway). It identifies the ICS transition. */
public record IcsCode(@JsonValue String value) implements Comparable<IcsCode> {

    /** The format of the code, as a regular expression (the API declares and checks the same one). */
    public static final String PATTERN = "Q[A-Z0-9]{2}";

    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    @JsonCreator
    public IcsCode {
        Checks.matches(value, FORMAT, "icsCode", "an ICS code such as QKS");
    }

    public static IcsCode of(String value) {
        return new IcsCode(value);
    }

    @Override
    public int compareTo(IcsCode other) {
        return value.compareTo(other.value);
    }

    /** The bare code: Axon routes commands by this string, and it is what people read. */
    @Override
    public String toString() {
        return value;
    }
}
