package io.tradeplex.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * The intended send times of an open-model load: request {@code i} is due at {@code start + i / rate}, whatever
 * happened to the requests before it. Latency is measured from this time, not from when the request actually left,
 * so a client that falls behind (GC, a stalled system) shows up in the figures instead of hiding them
 * (no coordinated omission).
 */
final class OpenModelSchedule {
    private final long startNanos;
    private final double intervalNanos;

    OpenModelSchedule(long startNanos, double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.startNanos = startNanos;
        this.intervalNanos = 1_000_000_000d / ratePerSecond;
    }

    /** The {@link System#nanoTime()} at which request {@code index} (from 0) is due. */
    long intendedNanos(long index) {
        return startNanos + Math.round(index * intervalNanos);
    }

    /** How many requests are due in {@code seconds} at this rate. */
    static long count(double ratePerSecond, double seconds) {
        return Math.round(ratePerSecond * seconds);
    }

    /** Parks the calling thread until {@code nanoTime} is reached (returns at once if it is past). */
    static void sleepUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
