package uk.nhs.ics.transition.domain;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import uk.nhs.ics.transition.messages.ics.MilestoneCompleted;
import uk.nhs.ics.transition.messages.ics.MilestoneReopened;
import uk.nhs.ics.transition.messages.ics.MilestoneStarted;

/** Matchers over the events a command produced, for rules whose derived consequences are not the point. */
public final class Produced {

    private Produced() {}

    /**
     * The events produced are these (equal payloads), in this order, and nothing else but derived milestones moving
     * (started, completed or reopened by their facts, which {@code DerivedMilestonesTest} pins event by event). A
     * spurious or missing event of any other kind fails.
     */
    public static Matcher<List<EventMessage<?>>> besidesDerived(Object... expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return withoutDerived(payloads(events)).equals(List.of(expected));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("exactly " + List.of(expected) + " besides derived milestones");
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description description) {
                description.appendText("were " + payloads(events));
            }
        };
    }

    /** No event of the type was produced. */
    public static Matcher<List<EventMessage<?>>> noneOf(Class<?> type) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return payloads(events).stream().noneMatch(type::isInstance);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("no " + type.getSimpleName());
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description description) {
                description.appendText("were " + payloads(events));
            }
        };
    }

    private static List<Object> withoutDerived(List<Object> payloads) {
        return payloads.stream()
                .filter(p -> !(p instanceof MilestoneStarted started && started.derived()))
                .filter(p -> !(p instanceof MilestoneCompleted completed && completed.derived()))
                .filter(p -> !(p instanceof MilestoneReopened reopened && reopened.derived()))
                .toList();
    }

    private static List<Object> payloads(List<EventMessage<?>> events) {
        List<Object> payloads = new ArrayList<>();
        events.forEach(e -> payloads.add(e.getPayload()));
        return payloads;
    }
}
