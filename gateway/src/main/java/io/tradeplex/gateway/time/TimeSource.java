package io.tradeplex.gateway.time;

import java.time.Instant;

/**
 * The time the gateway's own limits, breakers and caches run on. Tests replace it with one they move by hand, so
 * refills, open breakers and refresh throttles are tested without sleeping.
 */
public interface TimeSource {

    /** Monotonic nanoseconds, for intervals only. */
    long nanoTime();

    /** Wall-clock time, for comparing with instants that events carry. */
    Instant now();
}
