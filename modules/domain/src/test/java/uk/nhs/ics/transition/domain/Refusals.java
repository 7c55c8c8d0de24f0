package uk.nhs.ics.transition.domain;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/** Matches a refusal by its stable error code (and, optionally, the input it names). */
public final class Refusals {

    private Refusals() {}

    public static Matcher<RuleViolation> refusedWith(ErrorCode code) {
        return refusedWith(code, null);
    }

    public static Matcher<RuleViolation> refusedWith(ErrorCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.code() == code && (field == null || field.equals(violation.field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code + (field == null ? "" : " naming " + field));
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText(
                        "was " + violation.code() + " (" + violation.field() + "): " + violation.getMessage());
            }
        };
    }
}
