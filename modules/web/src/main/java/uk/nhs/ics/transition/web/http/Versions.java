package uk.nhs.ics.transition.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/** Reads and writes versions in HTTP headers: {@code ETag: "12"}, {@code If-Match: "12"}, {@code X-Min-Version: 12}. */
public final class Versions {

    public static final String MIN_VERSION = "X-Min-Version";
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names, or null when there is none (or it is {@code *}). */
    public static Long ifMatch(HttpServletRequest request) {
        String header = request.getHeader("If-Match");
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw RuleViolation.invalid("If-Match", "If-Match must be an ETag this API gave, such as \"12\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The version an {@code X-Min-Version} header asks for, or null. */
    public static Long minVersion(HttpServletRequest request) {
        String header = request.getHeader(MIN_VERSION);
        if (header == null || header.isBlank()) {
            return null;
        }
        if (!header.strip().matches("[0-9]{1,18}")) {
            throw RuleViolation.invalid(MIN_VERSION, MIN_VERSION + " must be a version number such as 12");
        }
        return Long.parseLong(header.strip());
    }

    /** Whether an {@code If-None-Match} header already names this version. */
    public static boolean notModified(HttpServletRequest request, Long version) {
        String header = request.getHeader("If-None-Match");
        if (header == null || version == null) {
            return false;
        }
        for (String tag : header.split(",")) {
            Matcher matcher = ETAG.matcher(tag.strip());
            if (matcher.matches() && Long.parseLong(matcher.group(1)) == version) {
                return true;
            }
        }
        return false;
    }
}
