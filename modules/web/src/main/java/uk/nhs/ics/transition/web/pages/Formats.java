package uk.nhs.ics.transition.web.pages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.nhs.ics.transition.messages.common.Programme;

/**
 * How the pages write dates, instants, money and codes for people: "28 Dec 2021", "20 Dec 2021, 17:00 GMT",
 * "£1,234.56", "In progress". Times are in England's time, as the programme's business dates are.
 */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss z", Locale.UK).withZone(Programme.ZONE);

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String longDate(LocalDate date) {
        return date == null ? "" : LONG_DATE.format(date);
    }

    public String instant(Instant instant) {
        return instant == null ? "" : INSTANT.format(instant);
    }

    /** Whole pence as pounds and pence. */
    public String pounds(long pence) {
        NumberFormat pounds = NumberFormat.getCurrencyInstance(Locale.UK);
        return pounds.format(BigDecimal.valueOf(pence, 2));
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(value);
    }

    /** A code written as words: {@code IN_PROGRESS} as "In progress", {@code CHIEF_EXECUTIVE} as "Chief executive". */
    public String words(Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString().replace('_', ' ').toLowerCase(Locale.UK);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A phrase as the start of a sentence: its first letter in capitals. */
    public String sentence(String phrase) {
        return phrase == null || phrase.isEmpty() ? "" : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }

    /** Whether evidence's reference is a web address to link to (only http and https: nothing a browser would run). */
    public boolean isWebAddress(String reference) {
        return reference != null && reference.matches("https?://[^\\s\"<>]+");
    }

    /** An abbreviated hash for a table cell; the whole value is in the downloads. */
    public String shortHash(String hash) {
        return hash == null || hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }
}
