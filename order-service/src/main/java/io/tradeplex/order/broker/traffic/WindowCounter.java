package io.tradeplex.order.broker.traffic;

/**
 * What one {@link Window} has admitted recently, in a ring of time slots so that memory stays constant however large
 * the limit (Binance counts 200,000 orders a day). A unit counts from its slot until one whole period after the end of
 * that slot: never less than the period, at most one slot more, so this never admits more than the broker allows in
 * any sliding (or fixed) period.
 */
final class WindowCounter {
    private static final int SLOTS = 20;

    private final int limit;
    private final long slotMillis;
    private final long[] slotOf = new long[SLOTS + 1];
    private final long[] counts = new long[SLOTS + 1];

    WindowCounter(Window window) {
        this.limit = window.limit();
        this.slotMillis = Math.max(1, (window.period().toMillis() + SLOTS - 1) / SLOTS);
        java.util.Arrays.fill(slotOf, Long.MIN_VALUE);
    }

    /** The earliest time, not before {@code now}, at which {@code weight} more units fit. */
    long readyAt(long now, int weight) {
        long current = now / slotMillis;
        long excess = used(current) + Math.min(weight, limit) - limit;
        if (excess <= 0) {
            return now;
        }
        for (long slot = current - SLOTS; slot <= current; slot++) {
            int index = index(slot);
            if (slotOf[index] == slot) {
                excess -= counts[index];
                if (excess <= 0) {
                    return (slot + SLOTS + 1) * slotMillis;
                }
            }
        }
        return (current + SLOTS + 1) * slotMillis;
    }

    void take(long now, int weight) {
        long current = now / slotMillis;
        int index = index(current);
        if (slotOf[index] != current) {
            slotOf[index] = current;
            counts[index] = 0;
        }
        counts[index] += weight;
    }

    private long used(long current) {
        long used = 0;
        for (int index = 0; index <= SLOTS; index++) {
            if (slotOf[index] >= current - SLOTS && slotOf[index] <= current) {
                used += counts[index];
            }
        }
        return used;
    }

    private static int index(long slot) {
        return (int) Math.floorMod(slot, (long) SLOTS + 1);
    }
}
