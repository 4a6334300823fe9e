package io.tradeplex.order.broker.traffic;

import io.vertx.core.Vertx;

/** Monotonic time since start, and Vert.x timers: a wake-up never holds a thread. */
final class VertxTrafficClock implements TrafficClock {
    private final Vertx vertx;
    private final long origin = System.nanoTime();

    VertxTrafficClock(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public long nowMillis() {
        return (System.nanoTime() - origin) / 1_000_000;
    }

    @Override
    public void schedule(long delayMillis, Runnable task) {
        vertx.setTimer(Math.max(1, delayMillis), ignored -> task.run());
    }
}
