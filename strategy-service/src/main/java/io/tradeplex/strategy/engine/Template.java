package io.tradeplex.strategy.engine;

import java.util.Arrays;
import java.util.Optional;

/** The strategy types a user can run or backtest; {@link #wire()} is the name clients send as {@code template}. */
public enum Template {
    SMA_CROSSOVER("sma-crossover",
            "Buys when the simple moving average of the last fastPeriod closes crosses above that of the last "
                    + "slowPeriod closes; sells when it crosses back below."),
    RSI_MEAN_REVERSION("rsi-mean-reversion",
            "Buys when Wilder's RSI of the closes over period bars falls below oversold; sells when it rises above "
                    + "overbought."),
    DONCHIAN_BREAKOUT("donchian-breakout",
            "Buys when a close breaks above the highest high of the previous period bars; sells when a close breaks "
                    + "below the lowest low of the previous exitPeriod bars (default: period).");

    private final String wire;
    private final String description;

    Template(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    public String wire() {
        return wire;
    }

    public String description() {
        return description;
    }

    public static Optional<Template> ofWire(String wire) {
        return Arrays.stream(values()).filter(template -> template.wire.equals(wire)).findFirst();
    }
}
