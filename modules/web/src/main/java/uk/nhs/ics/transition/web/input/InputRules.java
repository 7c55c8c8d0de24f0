package uk.nhs.ics.transition.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.messages.common.Text;

/**
 * The input rules for request bodies, applied as JSON is read, so that nothing the rules refuse reaches a command:
 *
 * <ul>
 *   <li>every string follows {@link Text}'s rule; a field whose {@code @Size} allows more than
 *       {@link Checks#SHORT_TEXT} characters is a paragraph, every other string a single line;
 *   <li>a date is a date ({@code 2021-06-25}, never a date-time), an instant an ISO-8601 instant (anything else
 *       is a value of the wrong form, as Jackson reports it), both between {@link Checks#EARLIEST_DATE} and
 *       {@link Checks#LATEST_DATE}.
 * </ul>
 *
 * A broken rule is a {@link Refused}, which the problem details name by the field's path (422 {@code INVALID_INPUT},
 * the code the domain's own checks of the same values answer with).
 */
public final class InputRules extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public InputRules() {
        super("ics-input-rules");
        addDeserializer(String.class, new TextDeserializer(false));
        addDeserializer(LocalDate.class, new DateDeserializer());
        addDeserializer(Instant.class, new InstantDeserializer());
    }

    /** A value the input rules refuse; the message completes a sentence that starts with the field's name. */
    public static final class Refused extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        Refused(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** Strings, checked against the text rule for a line or a paragraph. */
    static final class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        private final boolean paragraph;

        TextDeserializer(boolean paragraph) {
            super(String.class);
            this.paragraph = paragraph;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            Size size = property == null ? null : property.getAnnotation(Size.class);
            boolean isParagraph = size != null && Text.isParagraph(size.max());
            return isParagraph == paragraph ? this : new TextDeserializer(isParagraph);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // numbers, booleans and structures are not text: refused by the standard deserializer's rules
                return StringDeserializer.instance.deserialize(parser, ctxt);
            }
            String value = parser.getText();
            String problem = Text.problem(value, paragraph);
            if (problem != null) {
                throw new Refused(parser, problem);
            }
            return value;
        }
    }

    /** Dates: ISO-8601 calendar dates only, within the accepted range. */
    static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {
        private static final long serialVersionUID = 1L;

        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            try {
                return inRange(parser, LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, LocalDate.class, "not a date such as 2021-06-25");
            }
        }

        private static LocalDate inRange(JsonParser parser, LocalDate date) throws Refused {
            try {
                return Checks.withinRange(date, "date");
            } catch (RuleViolation e) {
                throw new Refused(parser, "must be between " + Checks.EARLIEST_DATE + " and " + Checks.LATEST_DATE);
            }
        }
    }

    /** Instants: ISO-8601 in UTC ({@code 2021-09-30T17:00:00Z}), within the accepted range. */
    static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            try {
                return Checks.withinRange(Instant.parse(text), "instant");
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, Instant.class, "not an instant such as 2021-09-30T17:00:00Z");
            } catch (RuleViolation e) {
                throw new Refused(parser, "must be between " + Checks.EARLIEST_DATE + " and " + Checks.LATEST_DATE);
            }
        }
    }
}
