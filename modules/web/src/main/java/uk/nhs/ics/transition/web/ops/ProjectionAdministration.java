package uk.nhs.ics.transition.web.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.projections.ReplaySnapshots;
import uk.nhs.ics.transition.web.problem.NotFound;

/**
 * Watches and operates the event processors. Only the read models can be replayed: the relays would repeat their
 * side effects, and the ledger's entries can never change.
 */
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final ReplaySnapshots snapshots;
    private final Map<String, List<String>> readModels;
    private final Set<String> relays;
    private final ExecutorService replays = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Boolean> starting = new ConcurrentHashMap<>();

    /**
     * @param readModels the processors that are read models and may be replayed, each with the tables it writes
     * @param relays the processors that relay facts between aggregates
     */
    public ProjectionAdministration(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            TokenStore tokenStore,
            TransactionTemplate transactions,
            ReplaySnapshots snapshots,
            Map<String, List<String>> readModels,
            Set<String> relays) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.snapshots = snapshots;
        this.readModels = Map.copyOf(readModels);
        this.relays = Set.copyOf(relays);
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        List<ProjectionStatus> statuses = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> statuses.add(status(name, processor, head)));
        statuses.sort(Comparator.comparing(ProjectionStatus::name));
        return statuses;
    }

    public ProjectionStatus status(String name) {
        return status(name, processor(name), head());
    }

    /**
     * Rebuilds a read model from the start of history, in the background. The service keeps answering meanwhile:
     * reads of this read model answer from a copy taken as the replay begins ({@link ReplaySnapshots}), until the
     * rebuilt tables have caught up; everything else carries on as usual.
     */
    public ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = streaming(name);
        if (!readModels.containsKey(name)) {
            throw new RuleViolation(
                    ErrorCode.INVALID_INPUT, "name", name + " is not a read model and is never replayed");
        }
        if (isReplaying(processor) || starting.putIfAbsent(name, Boolean.TRUE) != null) {
            throw new RuleViolation(ErrorCode.INVALID_INPUT, "name", name + " is already being replayed");
        }
        replays.submit(() -> {
            try {
                log.info("Replaying projection {} from the start of history", name);
                processor.shutDown();
                snapshots.preserve(name, readModels.get(name));
                processor.resetTokens();
                processor.start();
            } catch (RuntimeException e) {
                log.error("Replay of projection {} failed to start", name, e);
                if (!processor.isRunning()) {
                    processor.start();
                }
            } finally {
                starting.remove(name);
            }
        });
        return status(name);
    }

    /** Whether a replay is stopping and restarting the processor right now (it is not down, only restarting). */
    public boolean restarting(String name) {
        return starting.containsKey(name);
    }

    /**
     * Drops the copy of each read model whose replay has caught up, so that its reads see the rebuilt tables. Run
     * often (every node may run it; the copy is dropped once).
     */
    public void releaseCaughtUpSnapshots() {
        for (String name : snapshots.held()) {
            Optional<EventProcessor> found = processing.eventProcessor(name);
            if (found.isEmpty() || !(found.get() instanceof StreamingEventProcessor processor)) {
                log.warn("Releasing the replay copy of {}, which is no streaming processor here", name);
                snapshots.release(name);
                continue;
            }
            if (!starting.containsKey(name) && caughtUp(name, processor)) {
                log.info("Projection {} has caught up after its replay; its reads now see the rebuilt tables", name);
                snapshots.release(name);
            }
        }
    }

    /** Every segment of the processor is claimed here and none has yet to reach the position it was reset at. */
    private boolean caughtUp(String name, StreamingEventProcessor processor) {
        if (!processor.isRunning() || processor.isError()) {
            return false;
        }
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Integer stored = transactions.execute(tx -> tokenStore.fetchSegments(name).length);
        return !segments.isEmpty()
                && segments.size() >= stored
                && segments.values().stream().noneMatch(s -> s.isErrorState() || stillReplaying(s));
    }

    public List<DeadLetterView> deadLetters(String name) {
        processor(name);
        List<DeadLetterView> letters = new ArrayList<>();
        queue(name).ifPresent(queue -> queue.deadLetters().forEach(sequence -> {
            List<DeadLetter<? extends EventMessage<?>>> inOrder = new ArrayList<>();
            sequence.forEach(inOrder::add);
            for (int i = 0; i < inOrder.size(); i++) {
                letters.add(view(inOrder.get(i), inOrder.size() - 1 - i));
            }
        }));
        return letters;
    }

    /**
     * Takes a dead letter out of its projection's queue for good (once its skipping is recorded), so the events of
     * its aggregate parked behind it can be retried.
     *
     * @return the letter skipped
     * @throws NotFound if the projection has no such dead letter
     */
    public DeadLetterView skipDeadLetter(String name, String eventIdentifier, Consumer<DeadLetterView> record) {
        processor(name);
        SequencedDeadLetterQueue<EventMessage<?>> queue =
                queue(name).orElseThrow(() -> new NotFound("no dead letter " + eventIdentifier + " in " + name));
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            List<DeadLetter<? extends EventMessage<?>>> inOrder = new ArrayList<>();
            sequence.forEach(inOrder::add);
            for (int i = 0; i < inOrder.size(); i++) {
                DeadLetter<? extends EventMessage<?>> letter = inOrder.get(i);
                if (letter.message().getIdentifier().equals(eventIdentifier)) {
                    DeadLetterView view = view(letter, inOrder.size() - 1 - i);
                    record.accept(view);
                    @SuppressWarnings("unchecked")
                    DeadLetter<EventMessage<?>> evictable = (DeadLetter<EventMessage<?>>) letter;
                    queue.evict(evictable);
                    log.warn(
                            "Dead letter {} ({} of {}) skipped in {}: {} event(s) behind it may now be retried",
                            eventIdentifier,
                            view.eventType(),
                            view.aggregate(),
                            name,
                            view.parkedBehind());
                    return view;
                }
            }
        }
        throw new NotFound("no dead letter " + eventIdentifier + " in " + name);
    }

    /** Retries every dead-lettered sequence once; answers how many remain. */
    public long retryDeadLetters(String name) {
        processor(name);
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> retrier = processing.sequencedDeadLetterProcessor(name);
        if (retrier.isEmpty()) {
            return 0;
        }
        long sequences =
                queue(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        for (long i = 0; i < sequences; i++) {
            retrier.get().processAny();
        }
        return queue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    private ProjectionStatus status(String name, EventProcessor processor, long head) {
        long position = 0;
        boolean replaying = false;
        double progress = 100;
        if (processor instanceof StreamingEventProcessor streaming) {
            Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
            OptionalLong lowest = segments.values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong)
                    .min();
            position = lowest.orElse(0);
            replaying = segments.values().stream().anyMatch(ProjectionAdministration::stillReplaying)
                    || starting.containsKey(name);
            progress = replaying
                    ? replayProgress(segments.values())
                    : head == 0 ? 100 : Math.min(100, 100.0 * position / head);
        }
        return new ProjectionStatus(
                name,
                kind(name),
                processor.isRunning(),
                processor.isError(),
                position,
                head,
                Math.max(0, head - position),
                replaying,
                Math.round(progress * 10) / 10.0,
                snapshots.holds(name),
                queue(name).map(SequencedDeadLetterQueue::size).orElse(0L));
    }

    /**
     * Through a replay, each segment comes from the start towards the position it was reset at; the slowest segment
     * says how far the replay is. (Before a segment has claimed its token there is nothing to measure yet: 0.)
     */
    static double replayProgress(Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty()) {
            return 0;
        }
        double lowest = 100;
        for (EventTrackerStatus segment : segments) {
            OptionalLong reset = segment.getResetPosition();
            OptionalLong current = segment.getCurrentPosition();
            if (stillReplaying(segment) && reset.getAsLong() > 0) {
                lowest = Math.min(lowest, 100.0 * current.orElse(0) / reset.getAsLong());
            }
        }
        return lowest;
    }

    /**
     * Whether a segment has yet to reach the position it was reset at. Axon keeps a segment flagged as replaying
     * until an event newer than the reset arrives, which on a quiet store can be a long time after the read model
     * is whole again; the positions say when it is.
     */
    static boolean stillReplaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong reset = segment.getResetPosition();
        OptionalLong current = segment.getCurrentPosition();
        return reset.isPresent() && (current.isEmpty() || current.getAsLong() < reset.getAsLong());
    }

    private String kind(String name) {
        if (readModels.containsKey(name)) {
            return "PROJECTION";
        }
        return relays.contains(name) ? "RELAY" : "LEDGER";
    }

    private long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> new NotFound("no projection is called " + name));
    }

    private StreamingEventProcessor streaming(String name) {
        if (processor(name) instanceof StreamingEventProcessor streaming) {
            return streaming;
        }
        throw new NotFound("no streaming projection is called " + name);
    }

    private static boolean isReplaying(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(ProjectionAdministration::stillReplaying);
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String name) {
        return processing.deadLetterQueue(name);
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter, int parkedBehind) {
        EventMessage<?> message = letter.message();
        String type = message.getPayloadType().getSimpleName();
        Object attempts = letter.diagnostics().get(DeadLetterView.FAILED_ATTEMPTS);
        return new DeadLetterView(
                message.getIdentifier(),
                type,
                message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null,
                letter.enqueuedAt(),
                letter.lastTouched(),
                letter.cause().map(c -> c.type()).orElse(null),
                letter.cause().map(c -> c.message()).orElse(null),
                attempts instanceof Number number ? number.intValue() : 1,
                parkedBehind);
    }
}
