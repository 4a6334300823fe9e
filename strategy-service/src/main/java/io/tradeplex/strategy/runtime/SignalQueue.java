package io.tradeplex.strategy.runtime;

import io.smallrye.mutiny.Uni;
import io.tradeplex.strategy.engine.Signal;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Signals on their way to the database, per user: in the order their bars were handled, one transaction at a time,
 * and whatever queued while one committed goes together in the next. A strategy's lane never waits for the
 * database, and under load a user's signals share commits instead of paying one each. At most {@code writers}
 * users' transactions run at once, taking turns in arrival order, so signal bursts leave the connection pool to bar
 * storage and the API. A user whose queue is full has the strategy that overflows it failed.
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
    private final Queue<UserQueue> waiting = new ConcurrentLinkedQueue<>();
    private final Semaphore writers;
    /** Writes a batch in one transaction; answers the strategies found no longer RUNNING, for which it wrote nothing. */
    private final Function<List<Pending>, Uni<Set<UUID>>> writer;
    private final Outcomes outcomes;
    private final int maxQueued;
    private final int maxBatch;
    private final int attempts;

    SignalQueue(Function<List<Pending>, Uni<Set<UUID>>> writer, Outcomes outcomes, int writers, int maxQueuedPerUser,
                int maxBatch, int attempts) {
        this.writer = writer;
        this.outcomes = outcomes;
        this.writers = new Semaphore(writers);
        this.maxQueued = maxQueuedPerUser;
        this.maxBatch = maxBatch;
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

    /** Claims the user's turn unless a transaction of theirs is queued or in flight (which drains again when done). */
    private void drain(UserQueue queue) {
        if (queue.pending.isEmpty() || !queue.writing.compareAndSet(false, true)) {
            return;
        }
        if (writers.tryAcquire()) {
            write(queue);
        } else {
            waiting.add(queue);
            // A writer may have finished between the refusal and the add, finding nobody waiting.
            startWaiting();
        }
    }

    private void startWaiting() {
        while (!waiting.isEmpty() && writers.tryAcquire()) {
            UserQueue next = waiting.poll();
            if (next == null) {
                writers.release();
            } else {
                write(next);
            }
        }
    }

    /** Holding a writer and the user's turn: one transaction with what the user has queued, up to a batch. */
    private void write(UserQueue queue) {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < maxBatch && (next = queue.pending.poll()) != null; ) {
            queue.size.decrementAndGet();
            if (next.live().active) {
                batch.add(next);
            }
        }
        if (batch.isEmpty()) {
            done(queue);
            return;
        }
        // No timeout of its own: cancelling a reactive transaction from a timer thread breaks its session. A hung
        // one holds up its user's signals and one writer, and the user's queue fills and fails their strategies.
        Uni.createFrom().deferred(() -> writer.apply(batch))
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

    /** Those waiting go first; the user who just wrote queues behind them for what came in meanwhile. */
    private void done(UserQueue queue) {
        writers.release();
        queue.writing.set(false);
        startWaiting();
        drain(queue);
    }
}
