package uk.nhs.ics.transition.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.messages.common.MetadataKeys;

/** What the messages a handled message causes carry: who, in which role, from where, why, for which request, and what caused them. */
class AuditCorrelationDataProviderTest {

    private final AuditCorrelationDataProvider provider = new AuditCorrelationDataProvider();

    private Map<String, Object> data(Message<?> handled) {
        return new HashMap<>(provider.correlationDataFor(handled));
    }

    record ReopenSomething(String code, String reason) {}

    record ReturnSomething(String code, String comments) {}

    record StartSomething(String code) {}

    @Test
    void the_events_of_a_person_s_command_carry_who_made_it_from_where_for_which_request_and_the_command_as_cause() {
        GenericCommandMessage<ReopenSomething> command = new GenericCommandMessage<>(new ReopenSomething("Q1", "late"))
                .andMetaData(Map.of(
                        MetadataKeys.ACTOR, "pm-1",
                        MetadataKeys.ACTOR_NAME, "Jane Smith",
                        MetadataKeys.ACTOR_ROLE, "PROGRAMME_MANAGER",
                        MetadataKeys.ACTOR_SCOPE, "QKS",
                        MetadataKeys.CLIENT_ADDRESS, "10.0.0.7",
                        MetadataKeys.CORRELATION_ID, "req-1"));

        Map<String, Object> data = data(command);

        assertThat(data)
                .containsEntry(MetadataKeys.ACTOR, "pm-1")
                .containsEntry(MetadataKeys.ACTOR_NAME, "Jane Smith")
                .containsEntry(MetadataKeys.ACTOR_ROLE, "PROGRAMME_MANAGER")
                .containsEntry(MetadataKeys.ACTOR_SCOPE, "QKS")
                .containsEntry(MetadataKeys.CLIENT_ADDRESS, "10.0.0.7")
                .containsEntry(MetadataKeys.CORRELATION_ID, "req-1")
                .containsEntry(MetadataKeys.CAUSATION_ID, command.getIdentifier())
                .containsEntry(MetadataKeys.REASON, "late");
    }

    @Test
    void the_comments_of_a_returned_constitution_are_its_reason_and_a_command_without_one_gives_none() {
        assertThat(data(new GenericCommandMessage<>(new ReturnSomething("QKS", "redo"))))
                .containsEntry(MetadataKeys.REASON, "redo");
        assertThat(data(new GenericCommandMessage<>(new StartSomething("Q1")))).doesNotContainKey(MetadataKeys.REASON);
    }

    @Test
    void a_message_without_a_request_starts_its_own_correlation() {
        GenericCommandMessage<StartSomething> command = new GenericCommandMessage<>(new StartSomething("Q1"));

        assertThat(data(command)).containsEntry(MetadataKeys.CORRELATION_ID, command.getIdentifier());
    }

    @Test
    void a_command_a_relay_sends_names_the_event_it_relays_and_so_do_that_command_s_events() {
        GenericEventMessage<String> event =
                (GenericEventMessage<String>) GenericEventMessage.<String>asEventMessage("second reading recorded")
                        .andMetaData(Map.of(MetadataKeys.CORRELATION_ID, "req-9", MetadataKeys.ACTOR, "national-1"));

        Map<String, Object> forRelayedCommand = data(event);
        assertThat(forRelayedCommand)
                .containsEntry(MetadataKeys.CAUSATION_ID, event.getIdentifier())
                .containsEntry(MetadataKeys.CORRELATION_ID, "req-9");

        GenericCommandMessage<StartSomething> relayed = new GenericCommandMessage<>(new StartSomething("QKS"))
                .andMetaData(forRelayedCommand)
                .andMetaData(Map.of(MetadataKeys.ACTOR, MetadataKeys.SYSTEM_ACTOR));
        Map<String, Object> forItsEvents = data(relayed);

        assertThat(forItsEvents)
                .containsEntry(MetadataKeys.CAUSATION_ID, event.getIdentifier())
                .containsEntry(MetadataKeys.CORRELATION_ID, "req-9")
                .containsEntry(MetadataKeys.ACTOR, MetadataKeys.SYSTEM_ACTOR);
    }

    @Test
    void the_events_of_an_approved_command_say_who_approved_it_but_a_relay_s_commands_do_not() {
        GenericCommandMessage<StartSomething> approved = new GenericCommandMessage<>(new StartSomething("QJG"))
                .andMetaData(Map.of(
                        MetadataKeys.ACTOR, "pm-1",
                        MetadataKeys.APPROVAL_ID, "a-1",
                        MetadataKeys.APPROVED_BY, "pm-2",
                        MetadataKeys.APPROVED_BY_NAME, "Sam Jones",
                        MetadataKeys.APPROVED_BY_ROLE, "PROGRAMME_MANAGER",
                        MetadataKeys.APPROVED_BY_SCOPE, "QJG"));

        assertThat(data(approved))
                .containsEntry(MetadataKeys.ACTOR, "pm-1")
                .containsEntry(MetadataKeys.APPROVAL_ID, "a-1")
                .containsEntry(MetadataKeys.APPROVED_BY, "pm-2")
                .containsEntry(MetadataKeys.APPROVED_BY_NAME, "Sam Jones")
                .containsEntry(MetadataKeys.APPROVED_BY_ROLE, "PROGRAMME_MANAGER")
                .containsEntry(MetadataKeys.APPROVED_BY_SCOPE, "QJG");

        GenericEventMessage<String> event = (GenericEventMessage<String>)
                GenericEventMessage.<String>asEventMessage("re-baselined").andMetaData(data(approved));
        assertThat(data(event))
                .doesNotContainKeys(
                        MetadataKeys.APPROVAL_ID,
                        MetadataKeys.APPROVED_BY,
                        MetadataKeys.APPROVED_BY_NAME,
                        MetadataKeys.APPROVED_BY_ROLE,
                        MetadataKeys.APPROVED_BY_SCOPE);
    }
}
