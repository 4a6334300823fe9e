package io.tradeplex.strategy.market;

import io.tradeplex.contracts.market.MarketTick;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest known price of a symbol. {@code sequence} orders the ticks of one symbol from one {@code source} (the
 * feed); sequences of different feeds are unrelated, e.g. the simulated feed counts from its start time in
 * milliseconds and Binance by trade id, far below that.
 */
public record Quote(String symbol, BigDecimal price, String source, long sequence, Instant time) {

    public static Quote of(MarketTick tick) {
        return new Quote(tick.symbol(), tick.price(), tick.source(), tick.sequence(), tick.time());
    }

    /**
     * Within one feed the sequence decides. Across feeds only the time can: without that, switching a deployment from
     * the simulated feed to Binance would leave every quote stuck at the simulated feed's much larger sequences.
     */
    public boolean isNewerThan(Quote other) {
        return source.equals(other.source) ? sequence > other.sequence : time.isAfter(other.time);
    }
}
