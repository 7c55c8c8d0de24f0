package uk.nhs.ics.transition.domain;

import java.util.Locale;

/**
 * How the service decides that two names are the same person: the same words, ignoring case and spacing. Board
 * appointments name people rather than identify them; this is the rule "one person cannot hold two board roles"
 * and "the designate chief executive signs" are checked against.
 */
public final class PersonNames {

    private PersonNames() {}

    public static String normalise(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }
}
