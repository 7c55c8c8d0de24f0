package uk.nhs.ics.transition.messages.ics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import uk.nhs.ics.transition.messages.common.Checks;

/** A due diligence item within one ICS, numbered by the aggregate in the order raised: {@code DD-1}, {@code DD-2}. */
public record DueDiligenceItemId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("DD-[1-9][0-9]{0,6}");

    @JsonCreator
    public DueDiligenceItemId {
        Checks.matches(value, FORMAT, "itemId", "a due diligence item id such as DD-1");
    }

    public static DueDiligenceItemId of(String value) {
        return new DueDiligenceItemId(value);
    }

    public static DueDiligenceItemId number(int n) {
        return new DueDiligenceItemId("DD-" + n);
    }

    /** The item's number, read from its validated form: {@code 7} for {@code DD-7}. */
    public int number() {
        return Integer.parseInt(value.substring(3));
    }

    @Override
    public String toString() {
        return value;
    }
}
