package uk.nhs.ics.transition.web.approval;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import uk.nhs.ics.transition.messages.approval.FourEyesAction;

/**
 * Which actions need a second person ({@code ics.four-eyes.actions}: {@code ALL}, the default, {@code NONE}, or a
 * list of {@link FourEyesAction} names) and for how many days after the day it is made a request can be decided
 * ({@code ics.four-eyes.lifetime-days}, 7).
 *
 * @param actions the actions that need a second person
 * @param lifetimeDays how many days a request waits, after the day it is made (by the business clock)
 */
public record FourEyesPolicy(Set<FourEyesAction> actions, int lifetimeDays) {

    public FourEyesPolicy {
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
        if (lifetimeDays < 1) {
            throw new IllegalArgumentException("ics.four-eyes.lifetime-days must be 1 or more");
        }
    }

    /** The policy the configuration names; an unknown action is a mistake, and the service says so at start-up. */
    public static FourEyesPolicy of(Collection<String> configured, int lifetimeDays) {
        Set<FourEyesAction> actions = EnumSet.noneOf(FourEyesAction.class);
        for (String name : configured) {
            String action = name.strip().toUpperCase(Locale.ROOT);
            if (action.isEmpty() || action.equals("NONE")) {
                continue;
            }
            if (action.equals("ALL")) {
                actions.addAll(EnumSet.allOf(FourEyesAction.class));
                continue;
            }
            try {
                actions.add(FourEyesAction.valueOf(action));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("ics.four-eyes.actions names " + name + ", which is not one of ALL,"
                        + " NONE or " + EnumSet.allOf(FourEyesAction.class));
            }
        }
        return new FourEyesPolicy(actions, lifetimeDays);
    }

    public boolean needsSecondPerson(FourEyesAction action) {
        return actions.contains(action);
    }
}
