package uk.nhs.ics.transition.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.nhs.ics.transition.app.config.AxonConfiguration;
import uk.nhs.ics.transition.app.support.EventSamples;

/**
 * Every event the domain can record carries a revision and survives the event store's serializer unchanged, so an
 * event written today reads back as the same fact tomorrow. The events are found by scanning the messages module,
 * so a new event is covered the day it is added.
 */
class EventSerializationTest {

    private static final Serializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(AxonConfiguration.messageObjectMapper())
            .build();

    static Stream<Class<?>> events() {
        return EventSamples.events();
    }

    @ParameterizedTest
    @MethodSource("events")
    void the_event_reads_back_as_the_same_fact(Class<?> eventType) throws Exception {
        Object event = EventSamples.sample(eventType);

        SerializedObject<byte[]> stored = SERIALIZER.serialize(event, byte[].class);
        Object read = SERIALIZER.deserialize(stored);

        assertThat(read).isEqualTo(event);
        assertThat(stored.getType().getRevision()).isEqualTo("1");
    }

    @ParameterizedTest
    @MethodSource("events")
    void the_event_is_a_record_of_business_facts(Class<?> eventType) {
        assertThat(eventType.isRecord()).isTrue();
        assertThat(eventType.getRecordComponents())
                .extracting(RecordComponent::getType)
                .doesNotContain((Class) java.time.Instant.class, (Class) java.util.UUID.class);
    }

    @org.junit.jupiter.api.Test
    void there_are_events_to_check() {
        assertThat(events().count()).as("events found by scanning").isGreaterThanOrEqualTo(47);
    }
}
