package io.tradeplex.strategy.runtime;

import io.tradeplex.strategy.engine.StrategyParams;

/**
 * Makes the runs of a strategy's symbols. The production factory runs the engine's templates; tests put misbehaving
 * strategies behind the same seam to prove one user's strategy cannot hold up another's.
 */
public interface StrategyFactory {
    /** @param snapshot the run's last snapshot, or null to start it fresh */
    RunningSymbol create(StrategyParams params, String symbol, String snapshot);
}
