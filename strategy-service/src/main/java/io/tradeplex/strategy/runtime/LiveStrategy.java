package io.tradeplex.strategy.runtime;

import io.tradeplex.strategy.market.bars.BarInterval;

import java.util.Map;
import java.util.UUID;

/**
 * A running strategy held by this instance: one run per symbol. Only its user's lane touches the runs, one bar at a
 * time; {@code active} turns false for good when it is stopped, fails or moves to another instance.
 */
final class LiveStrategy {
    final UUID strategyId;
    final UUID userId;
    final UUID accountId;
    final String broker;
    final BarInterval interval;
    final Map<String, RunningSymbol> runs;
    volatile boolean active = true;

    LiveStrategy(UUID strategyId, UUID userId, UUID accountId, String broker, BarInterval interval,
                 Map<String, RunningSymbol> runs) {
        this.strategyId = strategyId;
        this.userId = userId;
        this.accountId = accountId;
        this.broker = broker;
        this.interval = interval;
        this.runs = runs;
    }
}
