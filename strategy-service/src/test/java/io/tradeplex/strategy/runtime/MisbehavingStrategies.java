package io.tradeplex.strategy.runtime;

import io.tradeplex.strategy.engine.Signal;
import io.tradeplex.strategy.engine.StrategyParams;
import io.tradeplex.strategy.market.bars.Bar;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;

/**
 * The engine's strategies, except on two kinds of test symbol: on {@code SPIN…} a strategy spins for three seconds
 * on every bar, on {@code BOOM…} it throws. What a buggy or hostile strategy would do, behind the runtime's seam.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MisbehavingStrategies implements StrategyFactory {
    static final long SPIN_MILLIS = 3_000;
    private final EngineStrategies engine = new EngineStrategies();

    @Override
    public RunningSymbol create(StrategyParams params, String symbol, String snapshot, List<Bar> recentBars) {
        RunningSymbol real = engine.create(params, symbol, snapshot, recentBars);
        if (!symbol.startsWith("SPIN") && !symbol.startsWith("BOOM")) {
            return real;
        }
        return new RunningSymbol() {
            @Override
            public List<Signal> onBar(Bar bar) {
                if (symbol.startsWith("BOOM")) {
                    throw new IllegalStateException("boom");
                }
                long until = System.nanoTime() + SPIN_MILLIS * 1_000_000;
                long spins = 0;
                while (System.nanoTime() < until) {
                    spins++;
                }
                return spins < 0 ? real.onBar(bar) : List.of();
            }

            @Override
            public String snapshot() {
                return real.snapshot();
            }
        };
    }
}
