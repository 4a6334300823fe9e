package io.tradeplex.strategy.market;

import io.tradeplex.contracts.market.MarketTick;

import java.math.BigDecimal;
import java.time.Instant;

/** The latest known price of a symbol; {@code sequence} orders the ticks of one symbol. */
public record Quote(String symbol, BigDecimal price, long sequence, Instant time) {

    public static Quote of(MarketTick tick) {
        return new Quote(tick.symbol(), tick.price(), tick.sequence(), tick.time());
    }

    public boolean isNewerThan(Quote other) {
        return sequence > other.sequence;
    }
}
