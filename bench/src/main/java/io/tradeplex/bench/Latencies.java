package io.tradeplex.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** One latency figure: an HdrHistogram in microseconds, safe to record into from any thread. */
final class Latencies {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    final String name;
    private final Histogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);

    Latencies(String name) {
        this.name = name;
    }

    /** Records the time from {@code intendedNanos} until now. */
    void recordSince(long intendedNanos) {
        recordNanos(System.nanoTime() - intendedNanos);
    }

    void recordNanos(long nanos) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1_000)));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000d;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1_000d;
    }
}
