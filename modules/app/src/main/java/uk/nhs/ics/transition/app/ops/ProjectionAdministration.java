package uk.nhs.ics.transition.app.ops;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.projections.ReplaySnapshots;
import uk.nhs.ics.transition.web.ops.DeadLetterView;
import uk.nhs.ics.transition.web.ops.ProjectionOperations;
import uk.nhs.ics.transition.web.ops.ProjectionStatus;
import uk.nhs.ics.transition.web.problem.NotFound;

/**
 * Watches and operates the event processors. Only the read models can be replayed: the relays would repeat their
 * side effects, and the ledger's entries can never change.
 *
 * <p>A replay is a request recorded in the database before it is acknowledged ({@link ProjectionReplays}), and
 * carried out by whichever node gets to it ({@link #coordinate()}, which every node runs every second): each node
 * stops its own processor of that read model, so that no segment stays claimed; then one node, holding the request's
 * row locked, copies the read model for the reads meanwhile ({@link ReplaySnapshots}), and in one transaction empties
 * it, resets its tokens and marks the request started; every node then starts its processor again, and the segments replay wherever they are claimed.
 * A crash at any point leaves either the request waiting (and another node, or this one after its restart, begins it)
 * or the tokens reset (and the replay goes on from them).
 */
public class ProjectionAdministration implements ProjectionOperations {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);
    private static final int MAX_ATTEMPTS = 5;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separately;
    private final ReplaySnapshots snapshots;
    private final ProjectionReplays replays;
    private final ReplayTokens tokens;
    private final Duration claimTimeout;
    private final String node;
    private final Map<String, List<String>> readModels;
    private final Set<String> relays;
    private final Set<String> ledgers;
    private final Set<String> stoppedHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService coordinator;

    /**
     * @param claimTimeout how long a segment's claim holds without being extended (the token store's): a node that
     *     died holding one is not waited for beyond it
     * @param readModels the processors that are read models and may be replayed, each with the tables it writes
     * @param relays the processors that relay facts between aggregates
     * @param ledgers the processors that record the audit trail
     * @param coordinator where a replay just requested is begun (a single thread, a Spring bean stopped with the
     *     application)
     */
    public ProjectionAdministration(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            TransactionTemplate transactions,
            ReplaySnapshots snapshots,
            ProjectionReplays replays,
            ReplayTokens tokens,
            Duration claimTimeout,
            Map<String, List<String>> readModels,
            Set<String> relays,
            Set<String> ledgers,
            ExecutorService coordinator) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.separately = new TransactionTemplate(transactions.getTransactionManager());
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshots = snapshots;
        this.replays = replays;
        this.tokens = tokens;
        this.claimTimeout = claimTimeout;
        this.node = ManagementFactory.getRuntimeMXBean().getName();
        this.readModels = Map.copyOf(readModels);
        this.relays = Set.copyOf(relays);
        this.ledgers = Set.copyOf(ledgers);
        this.coordinator = coordinator;
    }

    @Override
    public List<ProjectionStatus> statuses() {
        long head = head();
        List<ProjectionStatus> statuses = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> statuses.add(status(name, processor, head)));
        statuses.sort(Comparator.comparing(ProjectionStatus::name));
        return statuses;
    }

    @Override
    public ProjectionStatus status(String name) {
        return status(name, processor(name), head());
    }

    /**
     * Asks for a read model to be rebuilt from the start of history. The request is stored before this returns, and
     * begun in the background by this node or another. The service keeps answering meanwhile: reads of this read
     * model answer from a copy taken as the replay begins ({@link ReplaySnapshots}), until the rebuilt tables have
     * caught up; everything else carries on as usual.
     *
     * @throws ReplayInProgress if a replay of it is waiting to begin or still catching up
     */
    @Override
    public ProjectionStatus replay(String name, String requestedBy, String requestId) {
        streaming(name);
        if (!readModels.containsKey(name)) {
            throw new RuleViolation(
                    ErrorCode.INVALID_INPUT, "name", name + " is not a read model and is never replayed");
        }
        if (replays.open(name)) {
            throw new ProjectionOperations.ReplayInProgress(name);
        }
        try {
            replays.request(name, requestedBy, requestId);
        } catch (ProjectionReplays.AlreadyRequested e) {
            throw new ProjectionOperations.ReplayInProgress(name);
        }
        log.info("Replay of projection {} requested by {} (request {})", name, requestedBy, requestId);
        coordinator.execute(this::coordinateQuietly);
        return status(name);
    }

    /** Whether a replay of the read model is waiting to begin or catching up (on any node). */
    @Override
    public boolean restarting(String name) {
        return replays.open(name);
    }

    /**
     * Carries the replays requested on any node forward, on this node: stops this node's processor of a read model
     * with a replay waiting, begins the replay when no other node still holds a segment of it, and starts this node's
     * processor again once it has begun (or failed). Every node runs it every second.
     */
    public synchronized void coordinate() {
        Map<String, ProjectionReplays.Request> waiting = new HashMap<>();
        for (ProjectionReplays.Request request : replays.waiting()) {
            waiting.putIfAbsent(request.projection(), request);
        }
        for (String name : readModels.keySet()) {
            Optional<EventProcessor> found = processing.eventProcessor(name);
            if (found.isEmpty() || !(found.get() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            ProjectionReplays.Request request = waiting.get(name);
            if (request != null) {
                if (processor.isRunning()) {
                    log.info("Stopping projection {} on this node ({}) for its replay", name, node);
                    stoppedHere.add(name);
                    processor.shutDown();
                }
                begin(request, processor);
            }
            if (stoppedHere.contains(name) && !replays.isWaiting(name)) {
                stoppedHere.remove(name);
                if (!processor.isRunning()) {
                    log.info("Starting projection {} on this node again", name);
                    processor.start();
                }
            }
        }
    }

    private void coordinateQuietly() {
        try {
            coordinate();
        } catch (RuntimeException e) {
            log.warn("Could not carry the projections' replays forward just now: {}", e.toString());
        }
    }

    /** Begins a waiting replay here, unless another node still holds one of its segments or is beginning it. */
    private void begin(ProjectionReplays.Request request, StreamingEventProcessor processor) {
        String name = request.projection();
        List<ProjectionReplays.Claim> heldElsewhere = replays.claims(name).stream()
                .filter(claim -> claim.owner() != null
                        && claim.at().isAfter(Instant.now().minus(claimTimeout)))
                .toList();
        if (!heldElsewhere.isEmpty()) {
            log.debug("Replay of {} waits for {} to let go of its segments", name, heldElsewhere);
            return;
        }
        try {
            // the request's row stays locked until the replay has begun (or this node has died): no other node
            // begins it meanwhile
            transactions.executeWithoutResult(tx -> {
                if (!replays.lock(request.id())) {
                    return;
                }
                log.info(
                        "Replaying projection {} from the start of history (requested by {} at {})",
                        name,
                        request.requestedBy(),
                        request.requestedAt());
                // the copy is committed first: reads answer from it while the reset waits for readers of the tables
                separately.executeWithoutResult(copy -> snapshots.preserve(name, readModels.get(name)));
                // emptying the tables, resetting the tokens and marking the request begun: all or nothing
                processor.resetTokens();
                replays.started(request.id(), node);
            });
        } catch (RuntimeException e) {
            boolean failed = Boolean.TRUE.equals(
                    transactions.execute(tx -> replays.failedAttempt(request.id(), e.toString(), MAX_ATTEMPTS)));
            if (failed) {
                snapshots.release(name);
                log.error(
                        "Replay of projection {} failed to begin {} times; it carries on as it was",
                        name,
                        MAX_ATTEMPTS,
                        e);
            } else {
                log.warn("Replay of projection {} failed to begin; it will be tried again: {}", name, e.toString());
            }
        }
    }

    /**
     * Drops the copy of each read model whose replay has caught up, so that its reads see the rebuilt tables, and
     * marks the replay caught up. Run often, by one node at a time (the copy is dropped once).
     */
    public void releaseCaughtUpSnapshots() {
        Set<String> held = new java.util.TreeSet<>(snapshots.held());
        replays.running().forEach(running -> held.add(running.projection()));
        for (String name : held) {
            if (!readModels.containsKey(name)) {
                log.warn("Releasing the replay copy of {}, which is no read model here", name);
                snapshots.release(name);
                continue;
            }
            if (!replays.isWaiting(name) && tokens.caughtUp(name)) {
                log.info("Projection {} has caught up after its replay; its reads now see the rebuilt tables", name);
                transactions.executeWithoutResult(tx -> {
                    snapshots.release(name);
                    replays.caughtUp(name);
                });
            }
        }
    }

    @Override
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
    @Override
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
    @Override
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
        if (processor instanceof StreamingEventProcessor) {
            ReplayTokens.Progress stored = tokens.progress(name);
            position = stored.lowestPosition();
            replaying = readModels.containsKey(name) && (stored.replaying() || replays.open(name));
            progress = replaying ? stored.replayPercent() : head == 0 ? 100 : Math.min(100, 100.0 * position / head);
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

    /** What the processor is, as the application declared it: a processor it did not classify is a defect. */
    private ProjectionStatus.Kind kind(String name) {
        if (readModels.containsKey(name)) {
            return ProjectionStatus.Kind.PROJECTION;
        }
        if (relays.contains(name)) {
            return ProjectionStatus.Kind.RELAY;
        }
        if (ledgers.contains(name)) {
            return ProjectionStatus.Kind.LEDGER;
        }
        throw new IllegalStateException("the event processor " + name + " is neither a read model, a relay nor a"
                + " ledger: declare which where ProjectionAdministration is configured");
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
