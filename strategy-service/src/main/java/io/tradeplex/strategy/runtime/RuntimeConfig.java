package io.tradeplex.strategy.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** The live strategy runtime ({@code TRADEPLEX_STRATEGIES_*}). */
@ConfigMapping(prefix = "tradeplex.strategies")
public interface RuntimeConfig {
    /** Worker threads shared by every user's strategies; each user's work runs on one of them at a time. */
    @WithDefault("4")
    int workers();

    /** How long one strategy may take over one bar before it is stopped as FAILED (STRATEGY_TOO_SLOW). */
    @WithDefault("1s")
    Duration barBudget();

    /**
     * Users' signal transactions that may run at once (each carries everything its user has queued); the rest of the
     * database pool stays free for bar storage and the API.
     */
    @WithDefault("4")
    int signalWriters();

    /** Bars a user's strategies may have waiting; beyond it the strategy that overflows is FAILED (STRATEGY_BACKLOG). */
    @WithDefault("1000")
    int maxQueuedPerUser();

    /** Running strategies per tier ({@code tradeplex.strategies.max-running.<tier>}); a tier not listed gets the smallest. */
    Map<String, Integer> maxRunning();
}
