package uk.nhs.ics.transition.bench;

import java.util.Arrays;

/** Durations in nanoseconds, gathered by one thread (merge them afterwards), and their percentiles. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Samples merge(Iterable<Samples> parts) {
        Samples all = new Samples();
        for (Samples part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        return all;
    }

    /** The percentiles asked for, in milliseconds (nearest rank), or nulls with no samples. */
    Percentiles percentiles() {
        if (size == 0) {
            return new Percentiles(0, null, null, null, null);
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Percentiles(
                size,
                millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.95)),
                millis(rank(sorted, 0.99)),
                millis(sorted[size - 1]));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    /** Milliseconds. */
    record Percentiles(int count, Double p50, Double p95, Double p99, Double max) {}
}
