package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** {@code rsi-mean-reversion}: 2 ≤ period ≤ 500, 0 &lt; oversold &lt; overbought &lt; 100. */
public record RsiMeanReversionParams(int period, BigDecimal oversold, BigDecimal overbought, BigDecimal orderSizeUsd,
                                     BigDecimal stopLossPct, BigDecimal takeProfitPct, BigDecimal trailingStopPct)
        implements StrategyParams {

    @Override
    public Template template() {
        return Template.RSI_MEAN_REVERSION;
    }

    /** {@code period} bars give period − 1 changes; the next bar's change completes the first average. */
    @Override
    public int barsNeeded() {
        return period;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = ParamsJson.object();
        json.put("period", period);
        json.put("oversold", oversold.toPlainString());
        json.put("overbought", overbought.toPlainString());
        return ParamsJson.common(json, this);
    }
}
