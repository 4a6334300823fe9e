package io.tradeplex.order.broker.traffic;

/** Time and timers for the {@link TrafficScheduler}: Vert.x's in the service, a hand-moved clock in its tests. */
public interface TrafficClock {
    /** Monotonic milliseconds, never negative. */
    long nowMillis();

    void schedule(long delayMillis, Runnable task);
}
