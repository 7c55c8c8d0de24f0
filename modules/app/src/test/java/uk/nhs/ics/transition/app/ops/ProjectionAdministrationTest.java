package uk.nhs.ics.transition.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.projections.ReplaySnapshots;
import uk.nhs.ics.transition.web.ops.ProjectionStatus;
import uk.nhs.ics.transition.web.ops.ProjectionStatus.Kind;

/**
 * Every processor is what the application declared it to be; one it did not declare is a defect reported as one, never
 * labelled a ledger (or anything else) by default.
 */
class ProjectionAdministrationTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);

    @Test
    void each_processor_is_labelled_as_declared() {
        processors("milestones", "relays", "audit-ledger");

        assertThat(administration().statuses())
                .extracting(ProjectionStatus::name, ProjectionStatus::kind)
                .containsExactly(
                        tuple("audit-ledger", Kind.LEDGER),
                        tuple("milestones", Kind.PROJECTION),
                        tuple("relays", Kind.RELAY));
    }

    @Test
    void a_processor_the_application_did_not_declare_is_a_defect_not_a_ledger() {
        processors("milestones", "mystery");

        assertThatThrownBy(() -> administration().statuses())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mystery");
    }

    private void processors(String... names) {
        Map<String, EventProcessor> processors = new TreeMap<>();
        for (String name : names) {
            EventProcessor processor = mock(EventProcessor.class);
            when(processor.getName()).thenReturn(name);
            processors.put(name, processor);
            when(processing.eventProcessor(name)).thenReturn(Optional.of(processor));
            when(processing.deadLetterQueue(name)).thenReturn(Optional.empty());
        }
        when(processing.eventProcessors()).thenReturn(processors);
    }

    private ProjectionAdministration administration() {
        return new ProjectionAdministration(
                processing,
                mock(EventStore.class),
                new TransactionTemplate(mock(PlatformTransactionManager.class)),
                mock(ReplaySnapshots.class),
                mock(ProjectionReplays.class),
                mock(ReplayTokens.class),
                Duration.ofSeconds(10),
                Map.of("milestones", List.of("milestone_state")),
                Set.of("relays"),
                Set.of("audit-ledger"),
                mock(ExecutorService.class));
    }
}
