package uk.nhs.ics.transition.messages.ccg;

import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * A register import refused because at least one of its rows is: nothing was changed, and the plan names every
 * refused row with its column, code and message.
 */
public class RegisterImportRefused extends RuleViolation {

    private static final long serialVersionUID = 1L;

    private final transient RegisterImportPlan plan;

    public RegisterImportRefused(RegisterImportPlan plan) {
        super(
                ErrorCode.IMPORT_REFUSED,
                plan.counts().refused() + " of " + plan.counts().rows()
                        + " rows cannot be imported; nothing was changed");
        this.plan = plan;
    }

    public RegisterImportPlan plan() {
        return plan;
    }
}
