package uk.nhs.ics.transition.web.problem;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells an outage of the database from a defect. A request that fails because PostgreSQL cannot be reached, does not
 * answer in time, is shutting down or has no disk space left answers 503 with {@code Retry-After}: the client should
 * try again later, and nothing was changed. Everything else that fails is a defect (500).
 *
 * <p>What counts as an outage, anywhere in the chain of causes: the connection pool's timeout and JDBC's connection
 * exceptions, Spring's resource-failure and query-timeout exceptions, and PostgreSQL's SQLSTATE classes 08 (connection
 * exception), 53 (insufficient resources, 53100 being a full disk), 57P (operator intervention: shutdown, crash
 * recovery), 57014 (a statement cancelled by its timeout) and 58 (system error, such as an I/O error); and a
 * transaction that failed on a connection that is gone (no SQLSTATE: Spring throws the rollback's failure,
 * "Connection is closed", and only logs the commit's, which is how PostgreSQL's PANIC on a full disk arrives). A
 * commit the server refused (a deferred constraint) is not an outage.
 */
public class DatabaseOutages {

    /** Which outage: the disk is worth naming, since only an operator can free it. */
    public enum Kind {
        UNAVAILABLE,
        DISK_FULL
    }

    private static final int MAX_CAUSES = 32;

    private final Duration retryAfter;

    public DatabaseOutages(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    public boolean isOutage(Throwable failure) {
        return kind(failure).isPresent();
    }

    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    /** The outage behind a failure, if it is one. */
    public static Optional<Kind> kind(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Kind found = null;
        for (Throwable cause = failure; cause != null && seen.size() < MAX_CAUSES; cause = cause.getCause()) {
            if (!seen.add(cause)) {
                break;
            }
            if (diskFull(cause)) {
                return Optional.of(Kind.DISK_FULL);
            }
            if (found == null && unavailable(cause)) {
                found = Kind.UNAVAILABLE;
            }
            // a commit that failed and then could not even be rolled back: the connection is gone
            if (found == null && cause instanceof TransactionSystemException && lostConnection(cause)) {
                found = Kind.UNAVAILABLE;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                Optional<Kind> also = seen.contains(suppressed) ? Optional.empty() : kind(suppressed);
                if (also.filter(Kind.DISK_FULL::equals).isPresent()) {
                    return also;
                }
                if (found == null && also.isPresent()) {
                    found = also.get();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The answer to a failure that is an outage: 503, {@code Retry-After}, and a problem with a stable code. */
    public Optional<ResponseEntity<ProblemDetail>> answer(Throwable failure) {
        return kind(failure).map(kind -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(kind)));
    }

    public ProblemDetail problem(Kind kind) {
        return kind == Kind.DISK_FULL
                ? Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "DATABASE_DISK_FULL",
                        "The database has no disk space left",
                        "nothing was changed; the operators must free disk space for the database, then retry")
                : Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "DATABASE_UNAVAILABLE",
                        "The database is unavailable",
                        "nothing was changed; retry after " + retryAfterSeconds() + " s");
    }

    /**
     * Whether a failed transaction's JDBC failure came from the driver or the pool rather than the server: a server's
     * refusal (a constraint, a trigger) carries an SQLSTATE; a connection that is gone ("Connection is closed") does
     * not.
     */
    private static boolean lostConnection(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure.getCause(); cause != null && depth < MAX_CAUSES; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState() == null;
            }
            depth++;
        }
        return false;
    }

    private static boolean diskFull(Throwable cause) {
        if (cause instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
            return true;
        }
        String message = cause.getMessage();
        return (cause instanceof SQLException || cause instanceof IOException)
                && message != null
                && message.contains("No space left on device");
    }

    private static boolean unavailable(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof CannotGetJdbcConnectionException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof QueryTimeoutException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08")
                    || state.startsWith("53")
                    || state.startsWith("57P")
                    || state.equals("57014")
                    || state.startsWith("58");
        }
        return false;
    }
}
