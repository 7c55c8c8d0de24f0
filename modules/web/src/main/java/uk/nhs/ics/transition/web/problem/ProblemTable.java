package uk.nhs.ics.transition.web.problem;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.ProblemDetail;

/**
 * Which problem each kind of failure answers with: one row per exception type. A failure is answered by the row of
 * its own type or, failing that, of its nearest supertype with a row (as Spring picks an {@code @ExceptionHandler}).
 * A row may decline (answer empty) when the failure lacks what it needs, such as the path of a field; the row of the
 * next supertype then answers.
 */
final class ProblemTable {

    private final Map<Class<?>, Function<Throwable, Optional<ProblemDetail>>> rows = new HashMap<>();

    /** Failures of this type answer with this problem. */
    <T extends Throwable> ProblemTable row(Class<T> type, Function<? super T, ProblemDetail> answer) {
        return rowUnless(type, failure -> Optional.of(answer.apply(failure)));
    }

    /** Failures of this type answer with this problem when there is one, or as their supertype would otherwise. */
    <T extends Throwable> ProblemTable rowUnless(Class<T> type, Function<? super T, Optional<ProblemDetail>> answer) {
        if (rows.putIfAbsent(type, failure -> answer.apply(type.cast(failure))) != null) {
            throw new IllegalStateException("two rows for " + type.getName());
        }
        return this;
    }

    /** The problem the failure answers with; empty when no row (of its type or a supertype) answers it. */
    Optional<ProblemDetail> answer(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            Function<Throwable, Optional<ProblemDetail>> row = rows.get(type);
            if (row != null) {
                Optional<ProblemDetail> problem = row.apply(failure);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }
}
