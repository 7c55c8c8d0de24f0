package uk.nhs.ics.transition.messages.common;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The validation every message constructor shares, so that an invalid command or value cannot exist at all. Each
 * check names the field it is about, so a refusal can point the caller at the input to fix.
 */
public final class Checks {

    /** Longest name, title, signatory or reference. */
    public static final int SHORT_TEXT = 200;
    /** Longest reason, summary, mitigation or comment. */
    public static final int LONG_TEXT = 4000;
    /** Most entries in a list carried by one command (evidence, conflicting posts, gaps). */
    public static final int MAX_LIST = 50;
    /** The earliest date or instant the service accepts as input. */
    public static final java.time.LocalDate EARLIEST_DATE = java.time.LocalDate.of(2000, 1, 1);
    /** The latest date or instant the service accepts as input. */
    public static final java.time.LocalDate LATEST_DATE = java.time.LocalDate.of(2100, 12, 31);

    private Checks() {}

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw RuleViolation.invalid(field, field + " is required");
        }
        return value;
    }

    /**
     * Required text, trimmed, at most {@code max} characters, following {@link Text}'s rule: a single line when
     * {@code max} is at most {@link #SHORT_TEXT}, else a paragraph that may span lines.
     */
    public static String text(String value, String field, int max) {
        required(value, field);
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw RuleViolation.invalid(field, field + " must not be blank");
        }
        if (trimmed.length() > max) {
            throw RuleViolation.invalid(field, field + " must be at most " + max + " characters");
        }
        return Text.check(trimmed, field, Text.isParagraph(max));
    }

    /** Like {@link #text} but {@code null} or blank means "not given". */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, max);
    }

    /** A required reason for a change the rules ask to be explained. */
    public static String reason(String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(ErrorCode.REASON_REQUIRED, "reason", "a reason is required");
        }
        return text(value, "reason", LONG_TEXT);
    }

    /** An immutable copy of a list that may be absent, with at most {@link #MAX_LIST} entries. */
    public static <T> List<T> list(Collection<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST) {
            throw RuleViolation.invalid(field, field + " must have at most " + MAX_LIST + " entries");
        }
        for (T value : values) {
            if (value == null) {
                throw RuleViolation.invalid(field, field + " must not contain empty entries");
            }
        }
        return List.copyOf(values);
    }

    /** A date within {@link #EARLIEST_DATE} and {@link #LATEST_DATE}, or a refusal naming the field. */
    public static java.time.LocalDate withinRange(java.time.LocalDate date, String field) {
        if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            throw RuleViolation.invalid(field, field + " must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return date;
    }

    /** An instant within {@link #EARLIEST_DATE} and {@link #LATEST_DATE} (UTC), or a refusal naming the field. */
    public static java.time.Instant withinRange(java.time.Instant instant, String field) {
        if (instant != null
                && (instant.isBefore(EARLIEST_DATE
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant())
                        || !instant.isBefore(LATEST_DATE
                                .plusDays(1)
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant()))) {
            throw RuleViolation.invalid(field, field + " must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return instant;
    }

    public static String matches(String value, Pattern pattern, String field, String description) {
        required(value, field);
        if (!pattern.matcher(value).matches()) {
            throw RuleViolation.invalid(field, field + " must be " + description);
        }
        return value;
    }
}
