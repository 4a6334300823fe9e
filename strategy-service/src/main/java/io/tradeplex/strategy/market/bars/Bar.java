package io.tradeplex.strategy.market.bars;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Open, high, low, close and volume of one symbol over one interval. What every feed ends up as for strategies and
 * backtests: live ticks are aggregated into bars, historical data arrives as bars.
 *
 * @param openTime start of the interval, inclusive, aligned to the interval (UTC)
 * @param volume   traded quantity; zero where the feed reports none (the simulated feed)
 */
public record Bar(String symbol, BarInterval interval, Instant openTime, BigDecimal open, BigDecimal high,
                  BigDecimal low, BigDecimal close, BigDecimal volume) {

    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
    }

    /** End of the interval, exclusive. */
    public Instant closeTime() {
        return openTime.plus(interval.duration());
    }
}
