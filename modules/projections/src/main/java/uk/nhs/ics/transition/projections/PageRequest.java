package uk.nhs.ics.transition.projections;

/**
 * Which page of a list to read. The size is capped at {@link #MAX_SIZE}: a client asking for more gets at most that
 * many, and the page it gets back says so.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
        size = Math.min(size, MAX_SIZE);
    }

    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    /** Every row at once, for the small fixed lists (7 regions, 42 ICSs). */
    public static PageRequest all() {
        return new PageRequest(0, MAX_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
