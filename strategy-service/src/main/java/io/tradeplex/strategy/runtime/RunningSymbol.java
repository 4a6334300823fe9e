package io.tradeplex.strategy.runtime;

import io.tradeplex.strategy.engine.Signal;
import io.tradeplex.strategy.market.bars.Bar;

import java.util.List;

/** One strategy on one symbol as the runtime drives it: one closed bar at a time, from one thread at a time. */
public interface RunningSymbol {
    List<Signal> onBar(Bar bar);

    /** Everything needed to resume exactly where it is (see {@code StrategyRun#snapshot}). */
    String snapshot();
}
