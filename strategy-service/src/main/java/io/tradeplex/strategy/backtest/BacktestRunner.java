package io.tradeplex.strategy.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Simulates backtests on a fixed pool of threads of its own: the work is CPU-bound and reads history synchronously,
 * so it must stay off the event loop, and a bounded pool keeps a burst of requests from starving the service.
 * Database writes from these threads go through {@link VertxContextSupport#subscribeAndAwait}.
 * <p>
 * A restart does not resume backtests (a rerun is cheap and gives the same result): an instance that stops leaves its
 * backtests RUNNING with a heartbeat that no longer moves, and every instance marks such rows FAILED ("interrupted")
 * at start and every {@code stale-after} thereafter.
 */
@ApplicationScoped
public class BacktestRunner {
    static final String INTERRUPTED = "interrupted: the service running it stopped; start the backtest again";
    private static final Logger LOG = Logger.getLogger(BacktestRunner.class);

    private final BacktestConfig config;
    private final BacktestRepository backtests;
    private final Instance<BarHistory> histories;
    private final ObjectMapper mapper;
    private final AtomicInteger admitted = new AtomicInteger();
    /** Backtests this instance holds, running or queued: id → owner. */
    private final Map<UUID, UUID> held = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;

    public BacktestRunner(BacktestConfig config, BacktestRepository backtests, Instance<BarHistory> histories,
                          ObjectMapper mapper) {
        this.config = config;
        this.backtests = backtests;
        this.histories = histories;
        this.mapper = mapper;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.concurrency(), task -> daemon(task,
                "backtest-" + threads.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "backtest-heartbeat"));
    }

    void start(@Observes StartupEvent ignored) {
        long heartbeat = config.heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> guarded("heartbeat", this::heartbeat), heartbeat, heartbeat,
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> guarded("interrupt stale backtests", this::interruptStale), 0,
                config.staleAfter().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    /** The history bean; until a history is deployed, backtests answer 503 rather than the service not starting. */
    BarHistory history() {
        if (!histories.isResolvable()) {
            throw new ApiException(503, "Service Unavailable", "HISTORY_UNAVAILABLE",
                    "No bar history is configured on this service", List.of());
        }
        return histories.get();
    }

    /** A place on this instance, held from admission until the backtest ends. */
    Slot reserve() {
        if (admitted.incrementAndGet() > config.concurrency() + config.maxQueued()) {
            admitted.decrementAndGet();
            throw new ApiException(429, "Too Many Requests", "BACKTESTS_BUSY",
                    "Too many backtests are waiting; try again in a minute", List.of());
        }
        return new Slot();
    }

    final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                admitted.decrementAndGet();
            }
        }
    }

    void submit(Slot slot, UUID backtestId, UUID userId, BacktestSpec spec) {
        held.put(backtestId, userId);
        pool.execute(() -> {
            try {
                run(backtestId, userId, spec);
            } catch (RuntimeException e) {
                // The outcome could not be written; the row goes stale and is marked interrupted.
                LOG.errorf(e, "Backtest %s could not record its outcome", backtestId);
            } finally {
                held.remove(backtestId);
                slot.release();
            }
        });
    }

    private void run(UUID backtestId, UUID userId, BacktestSpec spec) {
        long started = System.nanoTime();
        try {
            Map<String, List<Bar>> bars = load(spec);
            Progress progress = new Progress(backtestId, userId);
            BacktestResult result = BacktestSimulator.run(spec, bars, progress::advanced);
            String json = mapper.writeValueAsString(result);
            write(userId, backtestId, () -> backtests.done(userId, backtestId, json, now()));
            LOG.infof("Backtest %s done: %d bars, %d trades in %d ms", backtestId, result.bars(),
                    result.numberOfTrades(), (System.nanoTime() - started) / 1_000_000);
        } catch (BacktestFailure e) {
            fail(backtestId, userId, e.getMessage());
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf(e, "Backtest %s failed", backtestId);
            fail(backtestId, userId, "the backtest failed unexpectedly");
        }
    }

    private Map<String, List<Bar>> load(BacktestSpec spec) {
        BarHistory history = history();
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        int total = 0;
        for (String symbol : spec.symbols()) {
            List<Bar> of = history.bars(symbol, spec.interval(), spec.fromOrEarliest(), spec.toOrLatest());
            if (of.isEmpty()) {
                throw new BacktestFailure("NO_BARS: no " + spec.interval().label() + " bars of " + symbol
                        + " in the range asked for");
            }
            total += of.size();
            if (total > config.maxBars()) {
                throw new BacktestFailure("TOO_MANY_BARS: more than " + config.maxBars()
                        + " bars; ask for a shorter range, fewer symbols or a longer interval");
            }
            bars.put(symbol, of);
        }
        return bars;
    }

    /** Writes progress at most every progress-interval: each write is a transaction. */
    private final class Progress {
        private final UUID backtestId;
        private final UUID userId;
        private final long every = config.progressInterval().toNanos();
        private long last = System.nanoTime();

        Progress(UUID backtestId, UUID userId) {
            this.backtestId = backtestId;
            this.userId = userId;
        }

        void advanced(int done, int total) {
            long time = System.nanoTime();
            if (time - last < every || done == total) {
                return;
            }
            last = time;
            BigDecimal share = BigDecimal.valueOf(done).divide(BigDecimal.valueOf(total), 4, RoundingMode.DOWN);
            write(userId, backtestId, () -> backtests.progress(userId, backtestId, share, now()));
        }
    }

    private void fail(UUID backtestId, UUID userId, String error) {
        LOG.infof("Backtest %s failed: %s", backtestId, error);
        write(userId, backtestId, () -> backtests.failed(userId, backtestId, error, now()));
    }

    /** Runs one write as the backtest's owner; a change that found no RUNNING row means another instance ended it. */
    private void write(UUID userId, UUID backtestId, Supplier<Uni<Integer>> change) {
        int changed = await(() -> Tenant.transaction(userId, change));
        if (changed == 0) {
            LOG.warnf("Backtest %s was no longer RUNNING; its update was dropped", backtestId);
        }
    }

    private void heartbeat() {
        Map<UUID, Set<UUID>> byUser = new HashMap<>();
        held.forEach((backtestId, userId) -> byUser.computeIfAbsent(userId, ignored -> new HashSet<>())
                .add(backtestId));
        Instant now = now();
        byUser.forEach((userId, ids) -> await(() -> Tenant.transaction(userId, () -> backtests.heartbeat(userId, ids, now))));
    }

    private void interruptStale() {
        Instant now = now();
        Instant before = now.minus(config.staleAfter());
        List<BacktestRepository.StaleRow> stale = await(() -> Tenant.systemTransaction(
                "find backtests left RUNNING by a stopped instance", () -> backtests.findStale(before)));
        int interrupted = 0;
        for (BacktestRepository.StaleRow row : stale) {
            interrupted += await(() -> Tenant.transaction(row.userId(),
                    () -> backtests.interrupt(row.userId(), row.id(), before, INTERRUPTED, now)));
        }
        if (interrupted > 0) {
            LOG.infof("Marked %d interrupted backtests FAILED", interrupted);
        }
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // The next round tries again; a scheduled task that throws would never run again.
            LOG.warnf("Backtest %s failed: %s", what, e.toString());
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
