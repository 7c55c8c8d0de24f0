package uk.nhs.ics.transition.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.nhs.ics.transition.app.config.AxonConfiguration;
import uk.nhs.ics.transition.app.support.EventSamples;
import uk.nhs.ics.transition.audit.history.HistoryNarrator;

/**
 * Every event the domain can record reads as a sentence in an ICS's history, built from the event as the store keeps
 * it (the same JSON), naming who made the change and why.
 */
class HistoryNarratorTest {

    private static final ObjectMapper STORED_FORM = AxonConfiguration.messageObjectMapper();
    private final HistoryNarrator narrator = new HistoryNarrator();

    static java.util.stream.Stream<Class<?>> events() {
        return EventSamples.events();
    }

    @ParameterizedTest
    @MethodSource("events")
    void the_event_reads_as_a_sentence_that_names_who_did_it_and_why(Class<?> eventType) throws Exception {
        JsonNode payload = STORED_FORM.valueToTree(EventSamples.sample(eventType));

        String sentence = narrator.sentence(
                eventType.getSimpleName(), payload, "Jane Smith", "PROGRAMME_MANAGER", "QKS", "board papers late");

        assertThat(narrator.knows()).contains(eventType.getSimpleName());
        assertThat(sentence)
                .isNotBlank()
                .doesNotContain("null")
                .doesNotContain("{")
                .contains("by Jane Smith (QKS programme manager)")
                .endsWith(": board papers late");
    }

    @Test
    void it_knows_no_event_the_domain_cannot_record() {
        var recorded = EventSamples.events().map(Class::getSimpleName).collect(Collectors.toSet());

        assertThat(recorded).containsAll(narrator.knows());
    }

    @Test
    void an_event_of_a_type_it_does_not_know_still_gets_a_sentence() {
        String sentence = narrator.sentence(
                "SomethingNewHappened", STORED_FORM.createObjectNode(), "Ravi Patel", "AUDITOR", null, null);

        assertThat(sentence).contains("Something new happened").contains("Ravi Patel");
    }
}
