package uk.nhs.ics.transition.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.projections.ProjectionPositions;
import uk.nhs.ics.transition.web.problem.NotFound;

/**
 * What every read shares: the rating date ({@code at}, by default the business clock's today), the knowledge time
 * ({@code asOf}, by default now), waiting for a version the caller has written ({@code X-Min-Version}, briefly), and
 * answering with the version shown as {@code ETag} (or 304 when the caller already has it).
 */
public class Reads {

    /** The rating date parameter, as the OpenAPI description states it. */
    public static final String AT = "The date the ratings are computed for (ISO-8601, such as `2021-10-01`), under the"
            + " baseline in force on it; by default the service's business date";

    /** The knowledge time parameter, as the OpenAPI description states it. */
    public static final String AS_OF =
            "An instant (UTC, such as `2021-10-01T18:00:00Z`): the answer as the service knew"
                    + " it then, rebuilt from the event history; by default now";

    /** The page parameter, as the OpenAPI description states it. */
    public static final String PAGE = "The page, from 0";

    /** The page size parameter, as the OpenAPI description states it. */
    public static final String SIZE = "Items per page; a larger size is answered with at most "
            + uk.nhs.ics.transition.projections.PageRequest.MAX_SIZE + ", and the page says so";

    private final Clock clock;
    private final ProjectionPositions positions;
    private final Duration patience;

    public Reads(Clock clock, ProjectionPositions positions, Duration patience) {
        this.clock = clock;
        this.positions = positions;
        this.patience = patience;
    }

    /** The rating date asked for, or today. */
    public LocalDate at(LocalDate given) {
        return given == null ? LocalDate.now(clock) : given;
    }

    public AsOf asOf(Instant given) {
        return AsOf.of(given);
    }

    /**
     * Waits, if the request asks with {@code X-Min-Version}, until the projection shows at least that version of
     * the aggregate; refuses with 503 if it does not in time.
     */
    public void awaitMinVersion(HttpServletRequest request, String projection, String aggregateId) {
        Long minimum = Versions.minVersion(request);
        if (minimum == null) {
            return;
        }
        Optional<Long> shown = positions.awaitVersion(projection, aggregateId, minimum, patience);
        if (shown.isEmpty() || shown.get() < minimum) {
            throw new ProjectionBehind(
                    "the read model shows version " + shown.map(String::valueOf).orElse("none") + " of " + aggregateId
                            + ", not yet " + minimum + "; retry shortly");
        }
    }

    /** The body with its version as {@code ETag}, or 304 if the caller's {@code If-None-Match} already has it. */
    public <T> ResponseEntity<T> versioned(HttpServletRequest request, T body, Long version) {
        if (Versions.notModified(request, version)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(Versions.etag(version))
                    .build();
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (version != null) {
            response.eTag(Versions.etag(version));
        }
        return response.body(body);
    }

    /** The value, or 404 when the thing was not known (yet, or at the knowledge time asked for). */
    public static <T> T found(Optional<T> value, String what) {
        return value.orElseThrow(() -> new NotFound(what + " is not known" + ""));
    }
}
