package io.tradeplex.strategy.runtime;

import io.tradeplex.strategy.engine.StrategyParams;
import io.tradeplex.strategy.market.bars.Bar;

import java.util.List;

/**
 * Makes the runs of a strategy's symbols. The production factory runs the engine's templates; tests put misbehaving
 * strategies behind the same seam to prove one user's strategy cannot hold up another's.
 */
public interface StrategyFactory {
    /**
     * @param snapshot   the run's last snapshot, or null to start it fresh
     * @param recentBars the symbol's latest stored bars, oldest first, for a run that starts fresh to warm up on
     */
    RunningSymbol create(StrategyParams params, String symbol, String snapshot, List<Bar> recentBars);
}
