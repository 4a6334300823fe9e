package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** {@code sma-crossover}: 2 ≤ fastPeriod &lt; slowPeriod ≤ 500. */
public record SmaCrossoverParams(int fastPeriod, int slowPeriod, BigDecimal orderSizeUsd, BigDecimal stopLossPct,
                                 BigDecimal takeProfitPct, BigDecimal trailingStopPct) implements StrategyParams {

    @Override
    public Template template() {
        return Template.SMA_CROSSOVER;
    }

    /** The slow window full, so the next bar's averages can be compared with these. */
    @Override
    public int barsNeeded() {
        return slowPeriod;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ParamsJson.object();
        json.put("fastPeriod", fastPeriod);
        json.put("slowPeriod", slowPeriod);
        return ParamsJson.common(json, this);
    }
}
