package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * {@code donchian-breakout}: 2 ≤ period, exitPeriod ≤ 500. {@code exitPeriod} is {@code period} when the client leaves
 * it out, and is stored that way, so the stored parameters say exactly what the run does.
 */
public record DonchianBreakoutParams(int period, int exitPeriod, BigDecimal orderSizeUsd, BigDecimal stopLossPct,
                                     BigDecimal takeProfitPct, BigDecimal trailingStopPct) implements StrategyParams {

    @Override
    public Template template() {
        return Template.DONCHIAN_BREAKOUT;
    }

    /** Both channels full, so the next close can be compared with them. */
    @Override
    public int barsNeeded() {
        return Math.max(period, exitPeriod);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ParamsJson.object();
        json.put("period", period);
        json.put("exitPeriod", exitPeriod);
        return ParamsJson.common(json, this);
    }
}
