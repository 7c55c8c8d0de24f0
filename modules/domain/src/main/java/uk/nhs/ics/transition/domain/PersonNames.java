package uk.nhs.ics.transition.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the service decides that two names are the same person: the same words, ignoring case and spacing. Board
 * appointments name people rather than identify them; this is the rule "one person cannot hold two board roles"
 * and "the designate chief executive signs" are checked against.
 */
public final class PersonNames {

    /** Any run of spacing, including the no-break spaces names pick up when pasted from letters and web pages. */
    private static final Pattern SPACING = Pattern.compile("[\\s\\p{Z}]+");

    private PersonNames() {}

    public static String normalise(String name) {
        return name == null ? "" : SPACING.matcher(name).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }
}
