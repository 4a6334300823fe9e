package io.tradeplex.strategy.runtime;

import io.smallrye.mutiny.Uni;
import io.tradeplex.strategy.engine.Signal;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Signals on their way to the database, per user: in the order their bars were handled, one transaction at a time,
 * and whatever queued while one committed goes together in the next. A strategy's lane never waits for the
 * database, a slow commit holds up only its own user's signals, and under load a user's signals share commits
 * instead of paying one each. A user whose queue is full has the strategy that overflows it failed.
 */
final class SignalQueue {
    private static final Logger LOG = Logger.getLogger(SignalQueue.class);

    /** One strategy's signals on one bar, with its run's snapshot after that bar. */
    record Pending(LiveStrategy live, String symbol, List<Signal> signals, String snapshot) {
    }

    /** What became of each strategy's signals. */
    interface Outcomes {
        void written(Pending pending);

        void notRunning(LiveStrategy live);

        void failed(Pending pending, Throwable failure);

        void overflowed(LiveStrategy live);
    }

    private static final class UserQueue {
        final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
        final AtomicInteger size = new AtomicInteger();
        final AtomicBoolean writing = new AtomicBoolean();
    }

    private final Map<UUID, UserQueue> queues = new ConcurrentHashMap<>();
    /** Writes a batch in one transaction; answers the strategies found no longer RUNNING, for which it wrote nothing. */
    private final Function<List<Pending>, Uni<Set<UUID>>> writer;
    private final Outcomes outcomes;
    private final int maxQueued;
    private final int maxBatch;
    private final Duration timeout;
    private final int attempts;

    SignalQueue(Function<List<Pending>, Uni<Set<UUID>>> writer, Outcomes outcomes, int maxQueuedPerUser, int maxBatch, Duration timeout, int attempts) {
        this.writer = writer;
        this.outcomes = outcomes;
        this.maxQueued = maxQueuedPerUser;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.attempts = attempts;
    }

    void add(Pending signals) {
        UserQueue queue = queues.computeIfAbsent(signals.live().userId, ignored -> new UserQueue());
        if (queue.size.incrementAndGet() > maxQueued) {
            queue.size.decrementAndGet();
            outcomes.overflowed(signals.live());
            return;
        }
        queue.pending.add(signals);
        drain(queue);
    }

    /** Starts the user's next transaction unless one is in flight; the one in flight drains again when it ends. */
    private void drain(UserQueue queue) {
        if (queue.pending.isEmpty() || !queue.writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < maxBatch && (next = queue.pending.poll()) != null; ) {
            queue.size.decrementAndGet();
            if (next.live().active) {
                batch.add(next);
            }
        }
        if (batch.isEmpty()) {
            queue.writing.set(false);
            drain(queue);
            return;
        }
        Uni.createFrom().deferred(() -> writer.apply(batch))
                .ifNoItem().after(timeout).fail()
                .onFailure().invoke(failure -> LOG.warnf("Writing %d signal sets of user %s failed: %s", batch.size(),
                        batch.get(0).live().userId, failure.toString()))
                .onFailure().retry().atMost(attempts - 1)
                .subscribe().with(notRunning -> {
                    for (Pending pending : batch) {
                        if (notRunning.contains(pending.live().strategyId)) {
                            outcomes.notRunning(pending.live());
                        } else {
                            outcomes.written(pending);
                        }
                    }
                    done(queue);
                }, failure -> {
                    batch.forEach(pending -> outcomes.failed(pending, failure));
                    done(queue);
                });
    }

    private void done(UserQueue queue) {
        queue.writing.set(false);
        drain(queue);
    }
}
