package io.tradeplex.strategy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeplex.strategy.market.bars.Bar;

import java.math.BigDecimal;

/**
 * Enter while Wilder's RSI of the closes is below {@code oversold}, exit while it is above {@code overbought}: levels,
 * not crossings, so a run that starts (or is stopped out) in an oversold market acts on it at the next close.
 */
final class RsiMeanReversionRule implements Rule {
    private final RsiMeanReversionParams params;
    private final WilderRsi rsi;

    RsiMeanReversionRule(RsiMeanReversionParams params) {
        this(params, new WilderRsi(params.period()));
    }

    private RsiMeanReversionRule(RsiMeanReversionParams params, WilderRsi rsi) {
        this.params = params;
        this.rsi = rsi;
    }

    @Override
    public Verdict next(Bar bar) {
        return rsi.next(bar.close()).map(value -> {
            if (value.compareTo(params.oversold()) < 0) {
                return Verdict.enter(describe(value, "below oversold", params.oversold()));
            }
            if (value.compareTo(params.overbought()) > 0) {
                return Verdict.exit(describe(value, "above overbought", params.overbought()));
            }
            return Verdict.NONE;
        }).orElse(Verdict.NONE);
    }

    private String describe(BigDecimal value, String where, BigDecimal level) {
        return "RSI(" + params.period() + ") " + Decimals.show(value) + " " + where + " " + level.toPlainString();
    }

    @Override
    public ObjectNode state() {
        return rsi.state();
    }

    static RsiMeanReversionRule restore(RsiMeanReversionParams params, JsonNode state) {
        return new RsiMeanReversionRule(params, WilderRsi.restore(params.period(), state));
    }
}
