package io.tradeplex.order.broker.traffic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Time that moves only when a test moves it; timers run in time order as it passes them. */
final class ManualClock implements TrafficClock {
    private record Timer(long at, long sequence, Runnable task) {
    }

    private final List<Timer> timers = new ArrayList<>();
    private long now;
    private long sequence;

    @Override
    public synchronized long nowMillis() {
        return now;
    }

    @Override
    public synchronized void schedule(long delayMillis, Runnable task) {
        timers.add(new Timer(now + delayMillis, sequence++, task));
    }

    /** Moves time forward to {@code now + millis}, running each timer at its own moment. */
    void advance(long millis) {
        long until;
        synchronized (this) {
            until = now + millis;
        }
        while (true) {
            Timer due;
            synchronized (this) {
                due = timers.stream().filter(timer -> timer.at() <= until)
                        .min(Comparator.comparingLong(Timer::at).thenComparingLong(Timer::sequence)).orElse(null);
                if (due == null) {
                    now = until;
                    return;
                }
                timers.remove(due);
                now = Math.max(now, due.at());
            }
            due.task().run();
        }
    }
}
