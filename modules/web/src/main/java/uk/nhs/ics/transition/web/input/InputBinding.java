package uk.nhs.ics.transition.web.input;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * Dates and instants in paths and query parameters ({@code at}, {@code asOf}, {@code from}, {@code to}) follow the
 * same rules as in bodies ({@link InputRules}): ISO-8601, between {@link Checks#EARLIEST_DATE} and
 * {@link Checks#LATEST_DATE}; anything else is a 422 naming the parameter, never a 500.
 */
@ControllerAdvice
public class InputBinding {

    @InitBinder
    void datesAndInstants(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new Editor() {
            @Override
            Object parse(String text) {
                try {
                    return Checks.withinRange(LocalDate.parse(text), "date");
                } catch (DateTimeParseException e) {
                    throw invalid("must be a date such as 2021-06-25");
                }
            }
        });
        binder.registerCustomEditor(Instant.class, new Editor() {
            @Override
            Object parse(String text) {
                try {
                    return Checks.withinRange(OffsetDateTime.parse(text).toInstant(), "instant");
                } catch (DateTimeParseException e) {
                    throw invalid("must be an instant such as 2021-09-30T17:00:00Z");
                }
            }
        });
    }

    /**
     * A value Spring reports as a type mismatch naming the parameter; the message is the refusal's, which the problem
     * details show.
     */
    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException(message, RuleViolation.invalid("value", message));
    }

    /** Parses a non-blank value; a blank one is no value. Out of range: "must be between ...". */
    private abstract static class Editor extends PropertyEditorSupport {
        abstract Object parse(String text);

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            try {
                setValue(parse(text.strip()));
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuleViolation e) {
                String message = e.getMessage();
                throw invalid(
                        message.startsWith("date ") || message.startsWith("instant ")
                                ? message.substring(message.indexOf(' ') + 1)
                                : message);
            }
        }
    }
}
