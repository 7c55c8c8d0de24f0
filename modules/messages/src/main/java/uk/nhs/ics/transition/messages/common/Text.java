package uk.nhs.ics.transition.messages.common;

/**
 * The one rule for text the service accepts, wherever it comes from (a body, a path or query parameter, a header it
 * records, a token's claims): valid Unicode only, and nothing that can hide or forge what a reader sees.
 *
 * <ul>
 *   <li>every character is a Unicode scalar value: no NUL, no unpaired surrogate (PostgreSQL refuses the first, and
 *       strict JSON parsers the second, so either would break the audit trail downstream);
 *   <li>no control characters (C0, DEL, C1) and no bidirectional embeddings, overrides or isolates, which can make
 *       text read differently from what it says;
 *   <li>a single line of text (a name, a title, a reference, a code) has no line breaks or tabs either; a paragraph
 *       (a reason, a summary, a comment, a plan) may have them.
 * </ul>
 *
 * Whether a field is a paragraph follows from its length limit: longer than {@link Checks#SHORT_TEXT} characters.
 */
public final class Text {

    private Text() {}

    /** Whether text limited to {@code maxLength} characters is a paragraph (may span lines) rather than a line. */
    public static boolean isParagraph(int maxLength) {
        return maxLength > Checks.SHORT_TEXT;
    }

    /**
     * What is wrong with the text, as the end of a sentence ("must not contain ..."), or {@code null} when nothing is.
     *
     * @param paragraph whether line breaks and tabs are allowed
     */
    public static String problem(CharSequence value, boolean paragraph) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode (it contains an unpaired surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode (it contains an unpaired surrogate)";
            }
            if (c == 0) {
                return "must not contain NUL characters";
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!paragraph) {
                    return "must be a single line (no line breaks or tabs)";
                }
                continue;
            }
            if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                return "must not contain control characters";
            }
            if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return "must not contain bidirectional control characters";
            }
        }
        return null;
    }

    /** The text if it follows the rule, else a refusal naming the field. */
    public static String check(String value, String field, boolean paragraph) {
        String problem = problem(value, paragraph);
        if (problem != null) {
            throw RuleViolation.invalid(field, field + " " + problem);
        }
        return value;
    }
}
