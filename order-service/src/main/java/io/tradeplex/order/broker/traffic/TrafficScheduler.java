package io.tradeplex.order.broker.traffic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Admits broker calls within every budget they draw from, queueing the rest instead of dropping them. Each call names
 * its user: waiting calls queue per user (in order, as a user's orders must reach the broker in order) and users are
 * served in turn, one call per turn, so a user with a thousand waiting calls delays another user's single call by at
 * most one admission. Nothing blocks: admissions happen when a call arrives, on a timer set for the earliest moment a
 * waiting call could fit, and when a key's pause ends.
 * <p>
 * Thread-safe; the waiters' callbacks run outside the lock.
 */
public final class TrafficScheduler {
    /**
     * @param key     the budget, e.g. {@code binance:account:<id>:orders} or {@code binance:egress:direct}
     * @param windows the key's limits; the first call naming a key sets them
     * @param weight  units of every window this call uses (a request's weight, or 1 for an order)
     */
    public record Draw(String key, List<Window> windows, int weight) {
    }

    /** Told exactly once: admitted (send now) or refused (nothing was sent). */
    public interface Waiter {
        void admitted(long waitedMillis);

        void refused(BrokerTrafficException refusal);
    }

    /** A waiting call; cancelling it before admission takes it out of the queue. */
    public interface Ticket {
        void cancel();
    }

    private static final class Entry implements Ticket {
        private final TrafficScheduler scheduler;
        private final String user;
        private final String group;
        private final List<Draw> draws;
        private final Waiter waiter;
        private final long enqueuedAt;
        private final long deadline;

        private Entry(TrafficScheduler scheduler, String user, String group, List<Draw> draws, Waiter waiter,
                      long enqueuedAt, long deadline) {
            this.scheduler = scheduler;
            this.user = user;
            this.group = group;
            this.draws = draws;
            this.waiter = waiter;
            this.enqueuedAt = enqueuedAt;
            this.deadline = deadline;
        }

        @Override
        public void cancel() {
            scheduler.remove(this);
        }
    }

    private final TrafficClock clock;
    private final int maxQueuedPerUser;
    private final int maxQueued;
    private final long maxWaitMillis;
    private final Map<String, Budget> budgets = new HashMap<>();
    private final Map<String, ArrayDeque<Entry>> queues = new HashMap<>();
    private final ArrayDeque<String> turns = new ArrayDeque<>();
    private final Map<String, Integer> queuedByGroup = new HashMap<>();
    private int queued;
    private long wakeAt = Long.MAX_VALUE;

    public TrafficScheduler(TrafficClock clock, int maxQueuedPerUser, int maxQueued, long maxWaitMillis) {
        this.clock = clock;
        this.maxQueuedPerUser = maxQueuedPerUser;
        this.maxQueued = maxQueued;
        this.maxWaitMillis = maxWaitMillis;
    }

    /**
     * @param group what the call is counted under in {@link #queued(String)} (the broker)
     * @return the ticket, or null if the call was refused at once (the waiter has been told)
     */
    public Ticket enqueue(String user, String group, List<Draw> draws, Waiter waiter) {
        Entry entry;
        synchronized (this) {
            ArrayDeque<Entry> queue = queues.get(user);
            if (queued >= maxQueued || (queue != null && queue.size() >= maxQueuedPerUser)) {
                entry = null;
            } else {
                long now = clock.nowMillis();
                entry = new Entry(this, user, group, List.copyOf(draws), waiter, now, now + maxWaitMillis);
                add(entry, false);
            }
        }
        if (entry == null) {
            waiter.refused(new BrokerTrafficException(BrokerTrafficException.QUEUE_FULL,
                    "Too many calls to the broker are already waiting; nothing was sent"));
            return null;
        }
        pump();
        return entry;
    }

    /**
     * Puts a call the broker turned away with a rate-limit answer back at the head of its user's queue, keeping its
     * original deadline: it was first in line and was not executed.
     */
    public Ticket requeue(String user, String group, List<Draw> draws, long enqueuedAt, Waiter waiter) {
        Entry entry = new Entry(this, user, group, List.copyOf(draws), waiter, enqueuedAt, enqueuedAt + maxWaitMillis);
        synchronized (this) {
            add(entry, true);
        }
        pump();
        return entry;
    }

    /** The broker asked for a pause (429/418 with Retry-After): nothing drawing from this key is admitted until then. */
    public void pause(String key, long millis) {
        synchronized (this) {
            Budget budget = budgets.get(key);
            if (budget != null) {
                budget.pauseUntil(clock.nowMillis() + millis);
            }
        }
        pump();
    }

    public synchronized int queued(String group) {
        return queuedByGroup.getOrDefault(group, 0);
    }

    public long nowMillis() {
        return clock.nowMillis();
    }

    private void add(Entry entry, boolean first) {
        for (Draw draw : entry.draws) {
            budgets.computeIfAbsent(draw.key(), key -> new Budget(draw.windows()));
        }
        ArrayDeque<Entry> queue = queues.get(entry.user);
        if (queue == null) {
            queue = new ArrayDeque<>();
            queues.put(entry.user, queue);
            turns.addLast(entry.user);
        }
        if (first) {
            queue.addFirst(entry);
        } else {
            queue.addLast(entry);
        }
        queued++;
        queuedByGroup.merge(entry.group, 1, Integer::sum);
    }

    private void remove(Entry entry) {
        synchronized (this) {
            ArrayDeque<Entry> queue = queues.get(entry.user);
            if (queue == null || !queue.remove(entry)) {
                return;
            }
            left(entry);
            if (queue.isEmpty()) {
                queues.remove(entry.user);
                turns.remove(entry.user);
            }
        }
        pump();
    }

    private void left(Entry entry) {
        queued--;
        queuedByGroup.merge(entry.group, -1, Integer::sum);
    }

    /** Admits every waiting call that fits now, one per user per round, and sets the timer for the next that could. */
    private void pump() {
        List<Runnable> told = new ArrayList<>();
        synchronized (this) {
            long now = clock.nowMillis();
            boolean progress = true;
            while (progress && !turns.isEmpty()) {
                progress = false;
                // A user served in this round goes behind every user who was not, so the next free unit goes to
                // whoever has waited longest for a turn.
                List<String> served = new ArrayList<>();
                List<String> skipped = new ArrayList<>();
                while (!turns.isEmpty()) {
                    String user = turns.pollFirst();
                    ArrayDeque<Entry> queue = queues.get(user);
                    Entry head = queue.peekFirst();
                    boolean moved = true;
                    if (head.deadline <= now) {
                        told.add(() -> head.waiter.refused(new BrokerTrafficException(BrokerTrafficException.RATE_LIMITED,
                                "The broker's rate limits kept this call waiting too long; nothing was sent")));
                    } else if (readyAt(head, now) <= now) {
                        head.draws.forEach(draw -> budgets.get(draw.key()).take(now, draw.weight()));
                        told.add(() -> head.waiter.admitted(now - head.enqueuedAt));
                    } else {
                        moved = false;
                    }
                    if (moved) {
                        queue.pollFirst();
                        left(head);
                        progress = true;
                    }
                    if (queue.isEmpty()) {
                        queues.remove(user);
                    } else {
                        (moved ? served : skipped).add(user);
                    }
                }
                turns.addAll(skipped);
                turns.addAll(served);
            }
            scheduleWake(now);
        }
        told.forEach(Runnable::run);
    }

    private void scheduleWake(long now) {
        long next = Long.MAX_VALUE;
        for (String user : turns) {
            Entry head = queues.get(user).peekFirst();
            next = Math.min(next, Math.min(readyAt(head, now), head.deadline));
        }
        if (next != Long.MAX_VALUE && (next < wakeAt || wakeAt <= now)) {
            wakeAt = next;
            clock.schedule(Math.max(1, next - now), this::wake);
        }
    }

    private void wake() {
        synchronized (this) {
            if (wakeAt <= clock.nowMillis()) {
                wakeAt = Long.MAX_VALUE;
            }
        }
        pump();
    }

    private long readyAt(Entry entry, long now) {
        long ready = now;
        for (Draw draw : entry.draws) {
            ready = Math.max(ready, budgets.get(draw.key()).readyAt(now, draw.weight()));
        }
        return ready;
    }
}
