package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeplex.strategy.market.bars.Bar;

/** A template's indicators over the bars seen so far, and the entry and exit they call for. */
sealed interface Rule permits SmaCrossoverRule, RsiMeanReversionRule, DonchianBreakoutRule {

    /** Takes the bar into the indicators and says what they call for now. */
    Verdict next(Bar bar);

    /** Everything {@link #restore} needs to go on exactly where this left off. */
    ObjectNode state();

    // Java 17 has no pattern matching in switch; the permitted parameter types are listed here once.
    static Rule of(StrategyParams params) {
        if (params instanceof SmaCrossoverParams sma) {
            return new SmaCrossoverRule(sma);
        }
        if (params instanceof RsiMeanReversionParams rsi) {
            return new RsiMeanReversionRule(rsi);
        }
        return new DonchianBreakoutRule((DonchianBreakoutParams) params);
    }

    static Rule restore(StrategyParams params, JsonNode state) {
        if (params instanceof SmaCrossoverParams sma) {
            return SmaCrossoverRule.restore(sma, state);
        }
        if (params instanceof RsiMeanReversionParams rsi) {
            return RsiMeanReversionRule.restore(rsi, state);
        }
        return DonchianBreakoutRule.restore((DonchianBreakoutParams) params, state);
    }
}
