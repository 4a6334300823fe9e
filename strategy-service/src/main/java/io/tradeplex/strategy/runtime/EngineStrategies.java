package io.tradeplex.strategy.runtime;

import io.tradeplex.strategy.engine.Signal;
import io.tradeplex.strategy.engine.StrategyParams;
import io.tradeplex.strategy.engine.StrategyRun;
import io.tradeplex.strategy.market.bars.Bar;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The engine's templates, resumed from their snapshot when it still fits their parameters; a run that starts fresh
 * is warmed up on the recent stored bars, so it can signal on the next live bar rather than after a slow window's
 * worth of them.
 */
@ApplicationScoped
public class EngineStrategies implements StrategyFactory {
    private static final Logger LOG = Logger.getLogger(EngineStrategies.class);

    @Override
    public RunningSymbol create(StrategyParams params, String symbol, String snapshot, List<Bar> recentBars) {
        StrategyRun run = snapshot == null ? fresh(params, symbol, recentBars)
                : restoreOrStart(params, symbol, snapshot, recentBars);
        return new RunningSymbol() {
            /** A bar it has seen already (a redelivery, or one older than its snapshot) changes nothing. */
            @Override
            public List<Signal> onBar(Bar bar) {
                if (run.lastBarTime().filter(last -> !bar.openTime().isAfter(last)).isPresent()) {
                    return List.of();
                }
                return run.onBar(bar);
            }

            @Override
            public String snapshot() {
                return run.snapshot();
            }
        };
    }

    /** A snapshot of other parameters (they were changed while it was stopped) cannot be resumed: start afresh. */
    private static StrategyRun restoreOrStart(StrategyParams params, String symbol, String snapshot,
                                              List<Bar> recentBars) {
        try {
            return StrategyRun.restore(params, symbol, snapshot);
        } catch (IllegalArgumentException stale) {
            LOG.infof("Starting %s afresh: its snapshot does not fit (%s)", symbol, stale.getMessage());
            return fresh(params, symbol, recentBars);
        }
    }

    private static StrategyRun fresh(StrategyParams params, String symbol, List<Bar> recentBars) {
        StrategyRun run = StrategyRun.start(params, symbol);
        if (!recentBars.isEmpty()) {
            run.warmUp(recentBars);
        }
        return run;
    }
}
