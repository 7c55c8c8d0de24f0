package uk.nhs.ics.transition.domain;

import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/** Builds the refusals the aggregates throw; each carries its stable error code. */
public final class Refusal {

    private Refusal() {}

    public static RuleViolation because(ErrorCode code, String message) {
        return new RuleViolation(code, message);
    }

    public static RuleViolation because(ErrorCode code, String field, String message) {
        return new RuleViolation(code, field, message);
    }
}
