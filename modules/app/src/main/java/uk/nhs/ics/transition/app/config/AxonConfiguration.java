package uk.nhs.ics.transition.app.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import uk.nhs.ics.transition.app.eventstore.AggregateCache;
import uk.nhs.ics.transition.app.eventstore.HistoryChecks;
import uk.nhs.ics.transition.app.eventstore.PreconditionsFirst;
import uk.nhs.ics.transition.app.eventstore.PromptEventStore;
import uk.nhs.ics.transition.app.eventstore.SealedAppends;
import uk.nhs.ics.transition.app.eventstore.StoreSchema;
import uk.nhs.ics.transition.audit.AuditCorrelationDataProvider;
import uk.nhs.ics.transition.audit.ledger.EventSeals;

/**
 * Axon on PostgreSQL through its JDBC storage engine, token store and dead-letter queue (their tables and columns are
 * named in {@link StoreSchema}; Flyway creates them), with Jackson for events, messages and snapshots.
 *
 * <p>The serializers have their own {@link ObjectMapper}, not the web layer's: the stored form of an event must
 * never change because someone changed how the API writes JSON. Dates are ISO strings; unknown properties are
 * ignored so that an older reader tolerates a newer event (upcasters handle the rest, keyed on {@code @Revision}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** The object mapper of stored events and messages. */
    public static ObjectMapper messageObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /** The object mapper of aggregate snapshots: an aggregate is stored as its fields, whatever their visibility. */
    static ObjectMapper snapshotObjectMapper() {
        return messageObjectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(messageObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer") Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(messageObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer") Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(messageObjectMapper()).build();
    }

    /** The event store's tables, for the storage engine built here. */
    @Bean
    EventSchema eventSchema() {
        return StoreSchema.events();
    }

    /** The token store's table, for the token store Axon's JDBC auto-configuration builds. */
    @Bean
    TokenSchema tokenSchema() {
        return StoreSchema.tokens();
    }

    /** The dead letters' table, for the queues Axon's JDBC auto-configuration builds per processing group. */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return StoreSchema.deadLetters();
    }

    /** The sagas' tables (the service has no sagas; Axon's saga store is built all the same). */
    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return StoreSchema.sagas();
    }

    /**
     * An append refused by a unique constraint (SQL state 23505: the aggregate's sequence number is taken) is a
     * concurrent change of the aggregate, which Axon reports as a {@code ConcurrencyException}. (Axon's JDBC default
     * looks for {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws; this
     * resolver is plain JDBC despite its package.)
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            EventSeals seals,
            @Value("${ics.axon.event-store.batch-size:500}") int batchSize) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(JacksonSerializer.builder()
                        .objectMapper(snapshotObjectMapper())
                        .build())
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .appendEvents(new SealedAppends(seals))
                .dataType(byte[].class)
                .batchSize(batchSize)
                .build();
    }

    /**
     * The event store: Axon's embedded one, telling the pooled processors of new events at once instead of letting
     * them poll every half second (see {@link PromptEventStore}).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore") EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            Configuration configuration,
            @Value("${ics.axon.event-store.callback-interval:0ms}") java.time.Duration callbackInterval) {
        return new PromptEventStore(
                EmbeddedEventStore.builder()
                        .storageEngine(storageEngine)
                        .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                        .spanFactory(configuration.getComponent(EventBusSpanFactory.class)),
                callbackInterval);
    }

    /** Copies the actor, role, client, request and reason of a command onto the events it causes. */
    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    /**
     * Aggregates stay in memory, so a command rarely reads its history again: at most {@code ics.axon.cache.max-aggregates}
     * of them (the programme has 156), evicted again whenever a transaction that used them does not commit.
     */
    @Bean
    Cache aggregateCache(MeterRegistry meters, @Value("${ics.axon.cache.max-aggregates:1000}") long maximum) {
        return new AggregateCache(maximum).bindTo(meters);
    }

    /** Replaying an aggregate fails with the aggregate and event named, never deep inside a sourcing handler. */
    @Bean
    HistoryChecks historyChecks() {
        return new HistoryChecks();
    }

    /** A stale {@code If-Match} is refused before the rules of the aggregate are applied. */
    @Bean
    PreconditionsFirst preconditionsFirst() {
        return new PreconditionsFirst();
    }

    /** A snapshot after every so many events, so a long stream (a scheme of thousands of items) loads quickly. */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(
            Snapshotter snapshotter, @Value("${ics.axon.snapshot-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
