package uk.nhs.ics.transition.domain;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers over the events a command produced, for rules whose derived consequences are not the point. */
public final class Produced {

    private Produced() {}

    /** The events produced include each of these (equal payloads), in any order, among others. */
    public static Matcher<List<EventMessage<?>>> including(Object... expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                List<Object> payloads = payloads(events);
                for (Object event : expected) {
                    if (!payloads.contains(event)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events including " + List.of(expected));
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

    private static List<Object> payloads(List<EventMessage<?>> events) {
        List<Object> payloads = new ArrayList<>();
        events.forEach(e -> payloads.add(e.getPayload()));
        return payloads;
    }
}
