package uk.nhs.ics.transition.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.ics.transition.messages.common.CommandOutcome;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.web.command.CommandSender;
import uk.nhs.ics.transition.web.problem.Problems;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.Grant;

/**
 * Carries out a write: sends the command on the caller's behalf and answers with the new version once stored.
 *
 * <p>With an {@code Idempotency-Key}, the key and the answer are written in the same transaction as the command's
 * events: a retry with the same key and request gets the first answer back and changes nothing; a retry with the
 * same key for a different request is refused (422). A refusal is remembered too, so a retry is refused the same
 * way. Keys belong to the caller and expire.
 *
 * <p>Such a write is one Axon unit of work that owns the outermost transaction: the key is claimed, the command
 * handled (its own unit of work nested in this one) and the answer recorded, and all of it commits together or not at
 * all. Nesting matters: the aggregate stays locked, and is evicted from the cache on a rollback, until this outermost
 * transaction has ended, so a commit that fails can never leave another request looking at a change the store does not
 * hold (see docs/decisions/0013-aggregate-cache-and-write-boundary.md).
 *
 * <p>Several nodes may serve writes to one aggregate. A write decided on a copy that another node has since changed
 * fails at the event store's sequence constraint, changing nothing; it is then tried again on the fresh state (a few
 * times, with a short random pause), so the client sees a conflict only when it asked for one ({@code If-Match}) or
 * when the fresh state breaks a rule.
 */
public class Writes {

    private static final Logger log = LoggerFactory.getLogger(Writes.class);

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String FINGERPRINT_PREFIX = "v2:";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private final CommandSender sender;
    private final JdbcClient jdbc;
    private final TransactionManager unitOfWorkTransactions;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final Clock systemClock;
    private final Duration keyLifetime;
    private final int attempts;

    public Writes(
            CommandSender sender,
            JdbcClient jdbc,
            TransactionManager unitOfWorkTransactions,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock systemClock,
            Duration keyLifetime,
            int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("a write needs at least one attempt");
        }
        this.attempts = attempts;
        this.sender = sender;
        this.jdbc = jdbc;
        this.unitOfWorkTransactions = unitOfWorkTransactions;
        this.transactions = transactions;
        this.json = json;
        this.canonical = json.copy()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.systemClock = systemClock;
        this.keyLifetime = keyLifetime;
    }

    /** A stored answer to an earlier request with the same key. */
    private record Stored(String fingerprint, int status, String contentType, String body, String etag) {}

    /** A request with a known key, but not the request the key was first used for. */
    public static class KeyReused extends RuleViolation {
        private static final long serialVersionUID = 1L;

        KeyReused() {
            super(
                    uk.nhs.ics.transition.messages.common.ErrorCode.INVALID_INPUT,
                    IDEMPOTENCY_KEY,
                    "this Idempotency-Key was used for a different request");
        }
    }

    public ResponseEntity<?> execute(HttpServletRequest request, Caller caller, Grant grant, Object command) {
        return execute(request, caller, grant, command, Writes::standardAnswer);
    }

    /**
     * Like {@link #execute(HttpServletRequest, Caller, Grant, Object)}, for a write whose answer says more than the
     * version (a register import answers with its report). The answer is what a retry with the same key gets back;
     * {@code answer} may throw a refusal, which is then remembered as the key's answer like any other.
     */
    public ResponseEntity<?> execute(
            HttpServletRequest request,
            Caller caller,
            Grant grant,
            Object command,
            Function<CommandOutcome, Object> answer) {
        return write(
                request,
                caller,
                command,
                () -> {
                    try {
                        return sender.send(command, caller, grant.role(), grant.scope(), request);
                    } catch (RuntimeException refused) {
                        throw RequestFields.inRequestTerms(command.getClass(), refused);
                    }
                },
                answer,
                false);
    }

    /**
     * A write of several commands (a request for approval and the requests it supersedes; an approval and the
     * command it approves): one unit of work that owns the transaction, so all are stored or none, with or without an
     * {@code Idempotency-Key}. The answer may be a whole {@link ResponseEntity} (a 202 with its {@code Location},
     * say); a retry with the key gets its status and body back.
     *
     * @param request the HTTP request
     * @param caller who asks
     * @param fingerprint what the request asks for, for telling a retry from a different request with the same key
     * @param commands sends the commands (in this unit of work) and answers with the outcome to answer with
     * @param answer the answer to the outcome
     */
    public ResponseEntity<?> executeTogether(
            HttpServletRequest request,
            Caller caller,
            Object fingerprint,
            Supplier<CommandOutcome> commands,
            Function<CommandOutcome, Object> answer) {
        return write(request, caller, fingerprint, commands, answer, true);
    }

    private ResponseEntity<?> write(
            HttpServletRequest request,
            Caller caller,
            Object fingerprintOf,
            Supplier<CommandOutcome> send,
            Function<CommandOutcome, Object> answer,
            boolean together) {
        for (int attempt = 1; ; attempt++) {
            boolean mayDecideAgain = attempt == 1 && attempts > 1;
            try {
                return once(
                        request,
                        caller,
                        fingerprintOf,
                        send,
                        answer,
                        together,
                        refusal -> !(mayDecideAgain && refusedOnOwnCopy(refusal)));
            } catch (RuntimeException failure) {
                if (mayDecideAgain && refusedOnOwnCopy(failure)) {
                    log.debug(
                            "Deciding {} again on the store's state after a refusal on a cached copy: {}",
                            fingerprintOf.getClass().getSimpleName(),
                            failure.getMessage());
                    continue;
                }
                if (!staleCopy(failure) || attempt >= attempts) {
                    throw failure;
                }
                log.debug(
                        "Retrying {} on fresh state (attempt {}): {}",
                        fingerprintOf.getClass().getSimpleName(),
                        attempt + 1,
                        failure.getMessage());
                pause(attempt);
            }
        }
    }

    /**
     * Whether a write was refused by a rule that depends on the aggregate's state (something it names is not there,
     * a transition not allowed now, an {@code If-Match} that does not match): with several nodes, the refusing
     * node's cached copy may lack what another node has stored since (an item added there, a newer version). The
     * refusal rolled its unit of work back, which evicted the copy, so the write is decided once more on the state
     * loaded from the store; refused again, the refusal stands. A node alone pays one more load per such refusal.
     */
    static boolean refusedOnOwnCopy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConflictingAggregateVersionException) {
                return true;
            }
            if (cause instanceof KeyReused) {
                return false;
            }
            if (cause instanceof RuleViolation violation) {
                ErrorCode.Kind kind = violation.code().kind();
                return kind == ErrorCode.Kind.NOT_FOUND
                        || kind == ErrorCode.Kind.CONFLICT
                        || kind == ErrorCode.Kind.STALE;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether a write failed only because the aggregate it decided on was not the stored one any more: another node
     * (or process) stored an event for it first, after this node had loaded it. The failed attempt changed nothing
     * and evicted its copy, so the write is tried again on the fresh state, where the domain's rules (and an
     * {@code If-Match} precondition, which then fails as {@link ConflictingAggregateVersionException}) are checked
     * again. A stale {@code If-Match} itself is never retried.
     */
    static boolean staleCopy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConflictingAggregateVersionException) {
                return false;
            }
            if (cause instanceof ConcurrencyException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        long bound = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }

    private ResponseEntity<?> once(
            HttpServletRequest request,
            Caller caller,
            Object fingerprintOf,
            Supplier<CommandOutcome> send,
            Function<CommandOutcome, Object> answer,
            boolean together,
            Predicate<RuntimeException> remembered) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return together ? inOneUnitOfWork(() -> answer(send.get(), answer)) : answer(send.get(), answer);
        }
        if (!KEY.matcher(key).matches()) {
            throw RuleViolation.invalid(IDEMPOTENCY_KEY, "Idempotency-Key must be 1 to 200 letters, digits or ._:-");
        }
        String fingerprint = fingerprint(request, fingerprintOf);
        try {
            return inOneUnitOfWork(() -> {
                Optional<Stored> earlier = claim(caller, key, fingerprint);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), fingerprint);
                }
                ResponseEntity<Object> answered = answer(send.get(), answer);
                record(
                        caller,
                        key,
                        answered.getStatusCode().value(),
                        MediaType.APPLICATION_JSON_VALUE,
                        write(answered.getBody()),
                        answered.getHeaders().getETag());
                return answered;
            });
        } catch (KeyReused e) {
            throw e;
        } catch (RuntimeException refusal) {
            if (remembered.test(refusal)) {
                remember(caller, key, fingerprint, refusal);
            }
            throw refusal;
        }
    }

    /**
     * Whether this request's {@code Idempotency-Key} already has an answer for the caller (a retry, which gets that
     * answer back): a write that checks something before it starts need not check it again for a retry.
     */
    public boolean answered(HttpServletRequest request, Caller caller) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        return key != null
                && KEY.matcher(key).matches()
                && jdbc.sql("SELECT count(*) FROM idempotency_key WHERE caller = :caller AND key = :key")
                                .param("caller", caller.subject())
                                .param("key", key)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    /**
     * Tries the command out on the caller's behalf: it is handled as it would be, in a unit of work and transaction
     * that are then rolled back, so it is refused exactly as it would be and nothing is stored. For a write that waits
     * for a second person, whose maker should hear at once what the rules say of it.
     *
     * @throws RuntimeException the refusal the command would meet
     */
    public void tryOut(HttpServletRequest request, Caller caller, Grant grant, Object command) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("try-out"));
        unitOfWork.attachTransaction(unitOfWorkTransactions);
        try {
            sender.send(command, caller, grant.role(), grant.scope(), request);
        } catch (RuntimeException | Error refused) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(refused);
            }
            throw refused;
        }
        unitOfWork.rollback();
    }

    /** Runs the work as a root unit of work with its own transaction, which the command's unit of work joins. */
    private <T> T inOneUnitOfWork(Callable<T> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage(IDEMPOTENCY_KEY));
        unitOfWork.attachTransaction(unitOfWorkTransactions);
        ResultMessage<T> result = unitOfWork.executeWithResult(work);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a write failed", failure);
        }
        return result.getPayload();
    }

    private static Object standardAnswer(CommandOutcome outcome) {
        return new CommandAnswer(outcome.version(), outcome.createdId());
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> answer(CommandOutcome outcome, Function<CommandOutcome, Object> answer) {
        Object body = answer.apply(outcome);
        if (body instanceof ResponseEntity<?> whole) {
            return (ResponseEntity<Object>) whole;
        }
        return ResponseEntity.ok().eTag(Versions.etag(outcome.version())).body(body);
    }

    /**
     * Inserts the key (provisionally answered 500, overwritten before commit). A concurrent request with the same
     * key waits on the key's row until this one commits, then finds its answer.
     */
    private Optional<Stored> claim(Caller caller, String key, String fingerprint) {
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_key (caller, key, fingerprint, status, content_type, body, expires_at)
                        VALUES (:caller, :key, :fingerprint, 500, 'application/json', '', :expires)
                        ON CONFLICT (caller, key) DO NOTHING""")
                .param("caller", caller.subject())
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("expires", Timestamp.from(systemClock.instant().plus(keyLifetime)))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT fingerprint, status, content_type, body, etag FROM idempotency_key
                         WHERE caller = :caller AND key = :key""")
                .param("caller", caller.subject())
                .param("key", key)
                .query((rs, n) ->
                        new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    private ResponseEntity<?> replay(Stored stored, String fingerprint) {
        if (!sameRequest(stored.fingerprint(), fingerprint)) {
            throw new KeyReused();
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(stored.status())
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .header("Idempotent-Replayed", "true");
        if (stored.etag() != null) {
            response.header(HttpHeaders.ETAG, stored.etag());
        }
        return response.body(stored.body());
    }

    private void record(Caller caller, String key, int status, String contentType, String body, String etag) {
        jdbc.sql("""
                        UPDATE idempotency_key SET status = :status, content_type = :contentType, body = :body,
                               etag = :etag
                         WHERE caller = :caller AND key = :key""")
                .param("status", status)
                .param("contentType", contentType)
                .param("body", body)
                .param("etag", etag)
                .param("caller", caller.subject())
                .param("key", key)
                .update();
    }

    /**
     * After a refusal rolled the command back, keeps the refusal as the key's answer (in a transaction of its own),
     * so a retry is refused alike. Failures of the service itself (5xx), and a write that kept meeting concurrent
     * changes (409), are not kept: a retry may succeed.
     */
    private void remember(Caller caller, String key, String fingerprint, RuntimeException refusal) {
        if (refusal instanceof ConcurrencyException && !(refusal instanceof ConflictingAggregateVersionException)) {
            return;
        }
        Optional<ProblemDetail> problem = Problems.forRefusal(refusal).filter(p -> p.getStatus() < 500);
        if (problem.isEmpty()) {
            return;
        }
        int status = problem.get().getStatus();
        String body = write(problem.get());
        transactions.executeWithoutResult(tx -> {
            if (claim(caller, key, fingerprint).isEmpty()) {
                record(caller, key, status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, body, null);
            }
        });
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }

    /**
     * Whether a stored fingerprint is the request's. A fingerprint without the current prefix was written by an earlier
     * release, from the command's {@code toString()}, which changes whenever a command gains a field: such a key
     * answers its request again without its body being compared, for the one key lifetime after an upgrade.
     */
    static boolean sameRequest(String stored, String fingerprint) {
        return stored.startsWith(FINGERPRINT_PREFIX) ? stored.equals(fingerprint) : true;
    }

    /**
     * The request as the key remembers it: method, path, precondition and the command as canonical JSON (properties
     * sorted, absent values left out), so that a command gaining an optional field keeps the fingerprints of the keys
     * already stored.
     */
    String fingerprint(HttpServletRequest request, Object command) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(request.getHeader("If-Match")).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(canonical.writeValueAsBytes(command));
            return FINGERPRINT_PREFIX + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot fingerprint " + command.getClass().getSimpleName(), e);
        }
    }
}
