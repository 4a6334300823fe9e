package io.tradeplex.strategy.runtime;

import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every user's strategy work on a shared pool of workers, one lane per user: a user's tasks run one after another,
 * never two at once, while different users' run side by side. A lane holds at most a bounded number of tasks (a
 * bulkhead: one user's backlog cannot grow without bound), and a watchdog gives each task a time budget. A task over
 * budget is reported and its worker written off and replaced — Java cannot stop a spinning thread, but it can stop
 * waiting for it — so the pool keeps its size and the user's other strategies carry on.
 */
public final class UserLanes implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UserLanes.class);

    /** Work for one strategy of one user. */
    public interface Task {
        void run();

        /** The task overflowed its user's lane (it never ran). */
        void rejected();

        /** It is still running after the budget; its result, if it ever has one, must be ignored. */
        void overran(long elapsedMillis);
    }

    private final class Lane {
        final UUID userId;
        final Queue<Task> tasks = new ConcurrentLinkedQueue<>();
        final AtomicInteger size = new AtomicInteger();
        final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(UUID userId) {
            this.userId = userId;
        }

        /** Puts the lane on the ready queue unless it is there or running; the holder of the flag owns the lane. */
        void schedule() {
            if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
                ready.add(this);
            }
        }

        void release() {
            scheduled.set(false);
            schedule();
        }
    }

    private final class Worker implements Runnable {
        final Thread thread;
        volatile Task current;
        volatile Lane lane;
        volatile long startedNanos;
        volatile boolean writtenOff;

        Worker(int number) {
            thread = new Thread(this, "strategy-worker-" + number);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (!closed.get() && !writtenOff) {
                Lane next;
                try {
                    next = ready.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (next == null) {
                    continue;
                }
                Task task = next.tasks.poll();
                if (task == null) {
                    next.release();
                    continue;
                }
                next.size.decrementAndGet();
                lane = next;
                startedNanos = System.nanoTime();
                current = task;
                try {
                    task.run();
                } catch (RuntimeException | Error failure) {
                    LOG.warnf("A strategy task of user %s failed outside its own handling: %s", next.userId, failure);
                } finally {
                    current = null;
                }
                if (!writtenOff) {
                    next.release();
                }
            }
        }
    }

    private final BlockingQueue<Lane> ready = new LinkedBlockingQueue<>();
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong workerNumbers = new AtomicLong();
    private final ScheduledExecutorService watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "strategy-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final long budgetNanos;
    private final int maxQueued;

    public UserLanes(int workerCount, java.time.Duration budget, int maxQueuedPerUser) {
        this.budgetNanos = budget.toNanos();
        this.maxQueued = maxQueuedPerUser;
        for (int i = 0; i < workerCount; i++) {
            startWorker();
        }
        long every = Math.max(10, budget.toMillis() / 5);
        watchdog.scheduleWithFixedDelay(this::checkBudgets, every, every, TimeUnit.MILLISECONDS);
    }

    public void submit(UUID userId, Task task) {
        Lane lane = lanes.computeIfAbsent(userId, Lane::new);
        if (lane.size.incrementAndGet() > maxQueued) {
            lane.size.decrementAndGet();
            task.rejected();
            return;
        }
        lane.tasks.add(task);
        lane.schedule();
    }

    private void checkBudgets() {
        long now = System.nanoTime();
        for (Worker worker : workers) {
            Task task = worker.current;
            if (task != null && !worker.writtenOff && now - worker.startedNanos > budgetNanos) {
                worker.writtenOff = true;
                workers.remove(worker);
                startWorker();
                long elapsed = (now - worker.startedNanos) / 1_000_000;
                LOG.warnf("A strategy of user %s has run %d ms on one bar; its worker is replaced", worker.lane.userId,
                        elapsed);
                try {
                    task.overran(elapsed);
                } finally {
                    // The user's other work goes on without waiting for the stuck one.
                    worker.lane.release();
                }
            }
        }
    }

    private void startWorker() {
        Worker worker = new Worker((int) workerNumbers.incrementAndGet());
        workers.add(worker);
        worker.thread.start();
    }

    @Override
    public void close() {
        closed.set(true);
        watchdog.shutdownNow();
    }
}
