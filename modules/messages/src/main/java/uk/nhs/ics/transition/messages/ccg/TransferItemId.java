package uk.nhs.ics.transition.messages.ccg;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import uk.nhs.ics.transition.messages.common.Checks;

/** An item of one CCG's transfer scheme, numbered by the aggregate in the order added: {@code T-1}, {@code T-2}. */
public record TransferItemId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("T-[1-9][0-9]{0,8}");

    @JsonCreator
    public TransferItemId {
        Checks.matches(value, FORMAT, "itemId", "a transfer item id such as T-1");
    }

    public static TransferItemId of(String value) {
        return new TransferItemId(value);
    }

    public static TransferItemId number(int n) {
        return new TransferItemId("T-" + n);
    }

    /** The item's number, read from its validated form: {@code 7} for {@code T-7}. */
    public int number() {
        return Integer.parseInt(value.substring(2));
    }

    @Override
    public String toString() {
        return value;
    }
}
