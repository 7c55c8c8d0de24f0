package uk.nhs.ics.transition.messages.ics;

import uk.nhs.ics.transition.messages.common.Checks;

/**
 * A requirement of the minimum board composition that is not yet met, named in a constitution submission together
 * with the plan to meet it.
 *
 * @param requirement the unmet requirement, as the board read model lists it (e.g. {@code MEDICAL_DIRECTOR},
 *     {@code INDEPENDENT_NED}, {@code MENTAL_HEALTH_EXPERTISE})
 * @param plan how and when it will be met
 */
public record BoardGap(String requirement, String plan) {

    /** The requirement that at least one member knows mental health services. */
    public static final String MENTAL_HEALTH_EXPERTISE = "MENTAL_HEALTH_EXPERTISE";

    public BoardGap {
        requirement = Checks.text(requirement, "requirement", Checks.SHORT_TEXT);
        plan = Checks.text(plan, "plan", Checks.LONG_TEXT);
    }
}
