package io.tradeplex.strategy.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
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
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The strategies this instance runs, and the fan-out of closed bars to them: a bar reaches only the strategies that
 * watch its symbol and interval, each as a task in its user's lane (see {@link UserLanes}). A strategy that throws,
 * overruns its budget or floods its lane is stopped as FAILED; nothing it does reaches another user's work.
 */
@ApplicationScoped
public class LiveStrategies {
    private static final Logger LOG = Logger.getLogger(LiveStrategies.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final int WRITE_ATTEMPTS = 3;

    private record Watch(String symbol, BarInterval interval) {
    }

    private final Map<UUID, LiveStrategy> byId = new ConcurrentHashMap<>();
    private final Map<Watch, Set<LiveStrategy>> watching = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final StrategyRepository strategies;
    private final StrategyFactory factory;
    private final SignalWriter writer;
    private final UserLanes lanes;
    private final Timer barTimer;
    private final Counter signalCounter;

    public LiveStrategies(Vertx vertx, StrategyRepository strategies, StrategyFactory factory, SignalWriter writer,
                          RuntimeConfig config, MeterRegistry metrics) {
        this.vertx = vertx;
        this.strategies = strategies;
        this.factory = factory;
        this.writer = writer;
        this.lanes = new UserLanes(config.workers(), config.barBudget(), config.maxQueuedPerUser());
        this.barTimer = Timer.builder("tradeplex.strategies.bar").description("one strategy's handling of one closed bar")
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
                .invoke(strategy -> {
                    if (strategy != null && strategy.status == StrategyStatus.RUNNING) {
                        register(strategy);
                    }
                })
                .replaceWithVoid();
    }

    /** Every RUNNING strategy of the users {@code owned} accepts, e.g. those of partitions just assigned here. */
    public void activateAll(Predicate<UUID> owned) {
        onDuplicatedContext(() -> Tenant.systemTransaction("strategies: loading the running strategies of assigned "
                + "users", strategies::listAllRunning))
                .subscribe().with(
                        running -> running.stream().filter(strategy -> owned.test(strategy.userId)).forEach(this::register),
                        failure -> LOG.errorf("Could not load running strategies: %s", failure.toString()));
    }

    /** Stops running it here (its snapshots are kept); the database status is the caller's business. */
    public Uni<Void> deactivate(UUID strategyId) {
        LiveStrategy live = unregister(strategyId);
        return live == null ? Uni.createFrom().voidItem()
                : onDuplicatedContext(() -> writer.saveSnapshots(live, Instant.now()));
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
        Set<LiveStrategy> watchers = watching.get(new Watch(bar.symbol(), bar.interval()));
        if (watchers == null) {
            return;
        }
        for (LiveStrategy live : watchers) {
            lanes.submit(live.userId, new BarTask(live, bar));
        }
    }

    private void register(StrategyEntity strategy) {
        try {
            StrategyParams params = TemplateCatalog.validate(strategy.template,
                    SignalWriter.JSON.readTree(strategy.params)).orThrow();
            Map<String, RunningSymbol> runs = new LinkedHashMap<>();
            for (String symbol : strategy.symbolList()) {
                runs.put(symbol, factory.create(params, symbol, SignalWriter.snapshotOf(strategy, symbol)));
            }
            BarInterval interval = BarInterval.ofLabel(strategy.barInterval).orElseThrow();
            LiveStrategy live = new LiveStrategy(strategy.id, strategy.userId, strategy.accountId, strategy.broker,
                    interval, runs);
            if (byId.putIfAbsent(strategy.id, live) == null) {
                runs.keySet().forEach(symbol -> watching
                        .computeIfAbsent(new Watch(symbol, interval), key -> new CopyOnWriteArraySet<>()).add(live));
                LOG.infof("Running strategy %s of user %s on %s (%s)", strategy.id, strategy.userId, runs.keySet(),
                        interval.label());
            }
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException unusable) {
            LOG.errorf("Strategy %s cannot run: %s", strategy.id, unusable.toString());
        }
    }

    private LiveStrategy unregister(UUID strategyId) {
        LiveStrategy live = byId.remove(strategyId);
        if (live != null) {
            live.active = false;
            live.runs.keySet().forEach(symbol -> {
                Set<LiveStrategy> set = watching.get(new Watch(symbol, live.interval));
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
        onDuplicatedContext(() -> writer.fail(live, code, reason, Instant.now())).subscribe().with(
                done -> { },
                failure -> LOG.errorf("Could not record the failure of strategy %s: %s", live.strategyId, failure));
    }

    /** One closed bar for one strategy: runs in its user's lane. */
    private final class BarTask implements UserLanes.Task {
        private final LiveStrategy live;
        private final Bar bar;

        BarTask(LiveStrategy live, Bar bar) {
            this.live = live;
            this.bar = bar;
        }

        @Override
        public void run() {
            if (!live.active) {
                return;
            }
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
            if (!live.active || signals.isEmpty()) {
                // Overran meanwhile (its result no longer counts), or nothing to do.
                return;
            }
            record(signals, run.snapshot());
        }

        /** Blocks this user's lane (not an event loop) until the signals are durable, so they stay in order. */
        private void record(List<Signal> signals, String snapshot) {
            for (int attempt = 1; ; attempt++) {
                try {
                    boolean running = onDuplicatedContext(() -> writer.write(live, bar.symbol(), signals, snapshot,
                            Instant.now())).await().atMost(WRITE_TIMEOUT);
                    if (running) {
                        signalCounter.increment(signals.size());
                    } else {
                        unregister(live.strategyId);
                    }
                    return;
                } catch (RuntimeException failure) {
                    if (attempt == WRITE_ATTEMPTS) {
                        failHere(live, "STRATEGY_ERROR", "Its signal on the " + bar.symbol() + " bar of "
                                + bar.openTime() + " could not be recorded: " + failure);
                        return;
                    }
                    LOG.warnf("Recording a signal of strategy %s failed (attempt %d): %s", live.strategyId, attempt,
                            failure.toString());
                }
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

    /** Hibernate Reactive wants a duplicated, safe Vert.x context; workers, timers and Kafka threads have none. */
    private <T> Uni<T> onDuplicatedContext(Supplier<Uni<? extends T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<T>deferred(work).runSubscriptionOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
