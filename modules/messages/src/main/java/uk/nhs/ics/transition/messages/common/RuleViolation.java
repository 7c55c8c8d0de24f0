package uk.nhs.ics.transition.messages.common;

import java.util.Objects;

/**
 * A refusal: a command broke a rule of the domain, or a value broke the rules of its type. It always carries a
 * stable {@link ErrorCode} and, where the refusal is about one input, the name of that input.
 */
public class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    public RuleViolation(ErrorCode code, String message) {
        this(code, null, message);
    }

    public RuleViolation(ErrorCode code, String field, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** An input that can never be valid, named by the field that carried it. */
    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(ErrorCode.INVALID_INPUT, field, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The input the refusal is about, or {@code null} when it is about the command as a whole. */
    public String field() {
        return field;
    }
}
