package io.tradeplex.order.broker.traffic;

import java.util.List;

/** One key's windows (an account's orders, an egress's request weight) and a pause a broker asked for. */
final class Budget {
    private final List<WindowCounter> windows;
    private long pausedUntil;

    Budget(List<Window> windows) {
        this.windows = windows.stream().map(WindowCounter::new).toList();
    }

    long readyAt(long now, int weight) {
        long ready = Math.max(now, pausedUntil);
        for (WindowCounter window : windows) {
            ready = Math.max(ready, window.readyAt(now, weight));
        }
        return ready;
    }

    void take(long now, int weight) {
        windows.forEach(window -> window.take(now, weight));
    }

    void pauseUntil(long until) {
        pausedUntil = Math.max(pausedUntil, until);
    }
}
