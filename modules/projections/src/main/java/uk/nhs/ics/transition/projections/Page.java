package uk.nhs.ics.transition.projections;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in a stable order.
 *
 * @param items the rows of this page
 * @param page the page number, from zero
 * @param size the page size used (after capping)
 * @param totalItems how many rows the whole list has
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }
}
