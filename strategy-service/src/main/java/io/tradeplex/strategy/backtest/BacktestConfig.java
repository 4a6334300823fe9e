package io.tradeplex.strategy.backtest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

/** How backtests run: the worker pool, what one user and one request may ask for, and the request defaults. */
@ConfigMapping(prefix = "tradeplex.backtest")
public interface BacktestConfig {

    /** Backtests simulated at once on this instance (each takes one thread, CPU-bound): at most the cores to spare. */
    @WithDefault("2")
    int concurrency();

    /** Accepted backtests waiting for a thread on this instance; beyond it a request answers 429 BACKTESTS_BUSY. */
    @WithDefault("20")
    int maxQueued();

    /** A user's backtests RUNNING at once (queued ones count), on all instances; beyond it 429 BACKTEST_LIMIT. */
    @WithDefault("2")
    int maxRunningPerUser();

    /** Symbols in one backtest. */
    @WithDefault("10")
    int maxSymbols();

    /** Bars of all symbols together in one backtest: bounds its memory, time and result (one equity point per bar). */
    @WithDefault("200000")
    int maxBars();

    /** Least time between two progress writes of one backtest. */
    @WithDefault("PT0.5S")
    Duration progressInterval();

    /** How often an instance confirms, in their rows, that its running and queued backtests are still in hand. */
    @WithDefault("PT10S")
    Duration heartbeatInterval();

    /**
     * A RUNNING backtest whose heartbeat is older than this was left by an instance that stopped: it is marked FAILED
     * ("interrupted") — at start and this often after. Must be well above heartbeat-interval.
     */
    @WithDefault("PT1M")
    Duration staleAfter();

    /** Request defaults, as the paper broker charges. */
    Defaults defaults();

    interface Defaults {
        /** Bar interval when the request names none. */
        @WithDefault("1h")
        String interval();

        @WithDefault("10000")
        BigDecimal initialCapitalUsd();

        /** Fee on each fill's notional, basis points. */
        @WithDefault("10")
        BigDecimal feeBps();

        /** Each fill's price moves this many basis points against the order. */
        @WithDefault("5")
        BigDecimal slippageBps();
    }
}
