package io.tradeplex.strategy.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.strategy.engine.Signal;
import io.tradeplex.strategy.engine.StrategyParams;
import io.tradeplex.strategy.engine.TemplateCatalog;
import io.tradeplex.strategy.instance.StrategyEntity;
import io.tradeplex.strategy.instance.StrategyRepository;
import io.tradeplex.strategy.instance.StrategyStatus;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarClosed;
import io.tradeplex.strategy.market.bars.BarInterval;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

import static io.tradeplex.kit.context.DuplicatedContexts.onNewDuplicatedContext;

/**
 * The strategies this instance runs, and the fan-out of closed bars to them: a bar reaches only the strategies that
 * watch its symbol and interval, each as a task in its user's lane (see {@link UserLanes}). A strategy that throws,
 * overruns its budget or floods its lane is stopped as FAILED; nothing it does reaches another user's work.
 */
@ApplicationScoped
public class LiveStrategies {
    private static final Logger LOG = Logger.getLogger(LiveStrategies.class);
    private static final int WRITE_ATTEMPTS = 3;
    /** Bounds one transaction: a user's backlog is written in several rather than one that holds its locks long. */
    private static final int MAX_SIGNAL_BATCH = 100;

    private final Map<UUID, LiveStrategy> byId = new ConcurrentHashMap<>();
    private final Map<BarSeries, Set<LiveStrategy>> watching = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final StrategyRepository strategies;
    private final StrategyFactory factory;
    private final SignalWriter writer;
    private final UserLanes lanes;
    private final SignalQueue signalQueue;
    private final RecentBars recentBars;
    private final Timer barTimer;
    private final Timer barWait;
    private final Counter signalCounter;

    public LiveStrategies(Vertx vertx, StrategyRepository strategies, StrategyFactory factory, SignalWriter writer,
                          RecentBars recentBars, RuntimeConfig config, MeterRegistry metrics) {
        this.vertx = vertx;
        this.strategies = strategies;
        this.factory = factory;
        this.writer = writer;
        this.recentBars = recentBars;
        this.lanes = new UserLanes(config.workers(), config.barBudget(), config.maxQueuedPerUser());
        this.signalQueue = new SignalQueue(
                batch -> onNewDuplicatedContext(vertx, () -> writer.writeAll(batch.get(0).live().userId, batch,
                        Instant.now())),
                new SignalOutcomes(), config.signalWriters(), config.maxQueuedPerUser(), MAX_SIGNAL_BATCH, WRITE_ATTEMPTS);
        this.barTimer = Timer.builder("tradeplex.strategies.bar").description("one strategy's handling of one closed bar")
                .publishPercentileHistogram().register(metrics);
        this.barWait = Timer.builder("tradeplex.strategies.bar.wait")
                .description("from a closed bar's announcement to a strategy starting on it: time queued in its "
                        + "user's lane and for a worker")
                .publishPercentileHistogram().register(metrics);
        this.signalCounter = Counter.builder("tradeplex.strategies.signals").register(metrics);
        metrics.gauge("tradeplex.strategies.running", byId, Map::size);
    }

    void stop(@Observes ShutdownEvent ignored) {
        lanes.close();
    }

    public boolean isRunning(UUID strategyId) {
        return byId.containsKey(strategyId);
    }

    /** Loads and runs the strategy if the database says it is RUNNING; a strategy already running here is left alone. */
    public Uni<Void> activate(UUID userId, UUID strategyId) {
        if (byId.containsKey(strategyId)) {
            return Uni.createFrom().voidItem();
        }
        return Tenant.transaction(userId, () -> strategies.findOwned(userId, strategyId))
                .chain(strategy -> strategy != null && strategy.status == StrategyStatus.RUNNING
                        ? run(List.of(strategy)) : Uni.createFrom().voidItem());
    }

    /** Every RUNNING strategy of the users {@code owned} accepts, e.g. those of partitions just assigned here. */
    public void activateAll(Predicate<UUID> owned) {
        onNewDuplicatedContext(vertx, () -> Tenant.systemTransaction("strategies: loading the running strategies "
                + "of assigned users", strategies::listAllRunning)
                .chain(running -> run(running.stream().filter(strategy -> owned.test(strategy.userId)).toList())))
                .subscribe().with(
                        done -> { },
                        failure -> LOG.errorf("Could not load running strategies: %s", failure.toString()));
    }

    /** Stops running it here (its snapshots are kept); the database status is the caller's business. */
    public Uni<Void> deactivate(UUID strategyId) {
        LiveStrategy live = unregister(strategyId);
        return live == null ? Uni.createFrom().voidItem()
                : onNewDuplicatedContext(vertx, () -> writer.saveSnapshots(live, Instant.now()));
    }

    /** The strategies of the users that {@code moved} accepts leave this instance (partitions revoked). */
    public void deactivateAll(Predicate<UUID> moved) {
        byId.values().stream().filter(live -> moved.test(live.userId)).map(live -> live.strategyId).toList()
                .forEach(strategyId -> deactivate(strategyId).subscribe().with(
                        done -> { },
                        failure -> LOG.warnf("Could not keep the snapshot of strategy %s: %s", strategyId, failure)));
    }

    public Set<UUID> strategiesOf(UUID userId) {
        return byId.values().stream().filter(live -> live.userId.equals(userId)).map(live -> live.strategyId)
                .collect(java.util.stream.Collectors.toSet());
    }

    void onBar(@Observes BarClosed closed) {
        Bar bar = closed.bar();
        Set<LiveStrategy> watchers = watching.get(new BarSeries(bar.symbol(), bar.interval()));
        if (watchers == null) {
            return;
        }
        long announced = System.nanoTime();
        for (LiveStrategy live : watchers) {
            lanes.submit(live.userId, new BarTask(live, bar, announced));
        }
    }

    /** A stored strategy with its parameters read: what it takes to run it. */
    private record Startable(StrategyEntity strategy, StrategyParams params, BarInterval interval) {
    }

    /** Reads the recent bars their fresh runs warm up on, once per series however many watch it, then runs them. */
    private Uni<Void> run(List<StrategyEntity> stored) {
        List<Startable> startable = stored.stream().map(LiveStrategies::startable).filter(Objects::nonNull).toList();
        Map<BarSeries, Integer> needed = new HashMap<>();
        for (Startable candidate : startable) {
            for (String symbol : candidate.strategy.symbolList()) {
                needed.merge(new BarSeries(symbol, candidate.interval), candidate.params.barsNeeded(), Math::max);
            }
        }
        return recentBars.latest(needed, Instant.now())
                .invoke(bars -> startable.forEach(candidate -> register(candidate, bars)))
                .replaceWithVoid();
    }

    private static Startable startable(StrategyEntity strategy) {
        try {
            StrategyParams params = TemplateCatalog.validate(strategy.template,
                    SignalWriter.JSON.readTree(strategy.params)).orThrow();
            return new Startable(strategy, params, BarInterval.ofLabel(strategy.barInterval).orElseThrow());
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException unusable) {
            LOG.errorf("Strategy %s cannot run: %s", strategy.id, unusable.toString());
            return null;
        }
    }

    private void register(Startable startable, Map<BarSeries, List<Bar>> recent) {
        StrategyEntity strategy = startable.strategy;
        if (byId.containsKey(strategy.id)) {
            return;
        }
        try {
            Map<String, RunningSymbol> runs = new LinkedHashMap<>();
            for (String symbol : strategy.symbolList()) {
                List<Bar> bars = recent.getOrDefault(new BarSeries(symbol, startable.interval), List.of());
                runs.put(symbol, factory.create(startable.params, symbol, SignalWriter.snapshotOf(strategy, symbol),
                        bars.subList(Math.max(0, bars.size() - startable.params.barsNeeded()), bars.size())));
            }
            LiveStrategy live = new LiveStrategy(strategy.id, strategy.userId, strategy.accountId, strategy.broker,
                    startable.interval, runs);
            if (byId.putIfAbsent(strategy.id, live) == null) {
                runs.keySet().forEach(symbol -> watching
                        .computeIfAbsent(new BarSeries(symbol, startable.interval), key -> new CopyOnWriteArraySet<>())
                        .add(live));
                LOG.infof("Running strategy %s of user %s on %s (%s)", strategy.id, strategy.userId, runs.keySet(),
                        startable.interval.label());
            }
        } catch (RuntimeException unusable) {
            LOG.errorf("Strategy %s cannot run: %s", strategy.id, unusable.toString());
        }
    }

    private LiveStrategy unregister(UUID strategyId) {
        LiveStrategy live = byId.remove(strategyId);
        if (live != null) {
            live.active = false;
            live.runs.keySet().forEach(symbol -> {
                Set<LiveStrategy> set = watching.get(new BarSeries(symbol, live.interval));
                if (set != null) {
                    set.remove(live);
                }
            });
        }
        return live;
    }

    private void failHere(LiveStrategy live, String code, String reason) {
        if (unregister(live.strategyId) == null) {
            return;
        }
        LOG.warnf("Strategy %s of user %s failed (%s): %s", live.strategyId, live.userId, code, reason);
        onNewDuplicatedContext(vertx, () -> writer.fail(live, code, reason, Instant.now())).subscribe().with(
                done -> { },
                failure -> LOG.errorf("Could not record the failure of strategy %s: %s", live.strategyId, failure));
    }

    private final class SignalOutcomes implements SignalQueue.Outcomes {
        @Override
        public void written(SignalQueue.Pending pending) {
            signalCounter.increment(pending.signals().size());
        }

        @Override
        public void notRunning(LiveStrategy live) {
            unregister(live.strategyId);
        }

        @Override
        public void failed(SignalQueue.Pending pending, Throwable failure) {
            failHere(pending.live(), "STRATEGY_ERROR", "Its signals on the " + pending.symbol() + " bar of "
                    + pending.signals().get(0).barTime() + " could not be recorded: " + failure);
        }

        @Override
        public void overflowed(LiveStrategy live) {
            failHere(live, "STRATEGY_BACKLOG", "Its user's signals arrived faster than they could be recorded");
        }
    }

    /** One closed bar for one strategy: runs in its user's lane. */
    private final class BarTask implements UserLanes.Task {
        private final LiveStrategy live;
        private final Bar bar;
        private final long announcedNanos;

        BarTask(LiveStrategy live, Bar bar, long announcedNanos) {
            this.live = live;
            this.bar = bar;
            this.announcedNanos = announcedNanos;
        }

        @Override
        public void run() {
            if (!live.active) {
                return;
            }
            barWait.record(Duration.ofNanos(System.nanoTime() - announcedNanos));
            RunningSymbol run = live.runs.get(bar.symbol());
            List<Signal> signals;
            long started = System.nanoTime();
            try {
                signals = run.onBar(bar);
            } catch (RuntimeException failure) {
                failHere(live, "STRATEGY_ERROR", "It failed on the " + bar.symbol() + " bar of " + bar.openTime()
                        + ": " + failure);
                return;
            } finally {
                barTimer.record(Duration.ofNanos(System.nanoTime() - started));
            }
            if (live.active && !signals.isEmpty()) {
                // Inactive means it overran meanwhile, and its result no longer counts.
                signalQueue.add(new SignalQueue.Pending(live, bar.symbol(), signals, run.snapshot()));
            }
        }

        @Override
        public void rejected() {
            failHere(live, "STRATEGY_BACKLOG", "Bars arrived faster than its user's strategies handled them");
        }

        @Override
        public void overran(long elapsedMillis) {
            failHere(live, "STRATEGY_TOO_SLOW", "One " + bar.symbol() + " bar took it more than " + elapsedMillis
                    + " ms");
        }
    }
}
