package io.tradeplex.strategy.market.bars;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one symbol's ticks, in the order they were published, into bars of every {@link BarInterval}. A bar closes
 * when the first tick of a later interval arrives, so an interval without ticks (a gap) produces no bar at all rather
 * than a flat one that never traded.
 * <p>
 * The bar in progress when the aggregator sees its first tick is never emitted: the ticks before that one were
 * missed (a consumer joins the live end of the topic, mid-interval), so its open, high and low would be wrong, and
 * another instance that saw the whole interval may already have stored the right one. A tick older than the bar in
 * progress belongs to a bar already closed and is ignored for that interval.
 * <p>
 * Pure and not thread-safe: one consumer feeds it, one tick at a time.
 */
public final class BarAggregator {
    private final String symbol;
    private final Map<BarInterval, Building> building = new EnumMap<>(BarInterval.class);

    public BarAggregator(String symbol) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
    }

    /**
     * @param quantity the tick's traded quantity, zero where the feed reports none
     * @return the bars this tick closed, shortest interval first; empty for most ticks
     */
    public List<Bar> add(Instant time, BigDecimal price, BigDecimal quantity) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        List<Bar> closed = new ArrayList<>(0);
        for (BarInterval interval : BarInterval.values()) {
            Instant openTime = interval.openTimeOf(time);
            Building current = building.get(interval);
            if (current == null) {
                building.put(interval, new Building(openTime, price, quantity, false));
            } else if (openTime.equals(current.openTime)) {
                current.add(price, quantity);
            } else if (openTime.isAfter(current.openTime)) {
                if (current.complete) {
                    closed.add(current.toBar(symbol, interval));
                }
                building.put(interval, new Building(openTime, price, quantity, true));
            }
        }
        return closed;
    }

    /** A bar in progress. {@code complete} is false for the first one, whose earlier ticks were not seen. */
    private static final class Building {
        private final Instant openTime;
        private final BigDecimal open;
        private final boolean complete;
        private BigDecimal high;
        private BigDecimal low;
        private BigDecimal close;
        private BigDecimal volume;

        private Building(Instant openTime, BigDecimal price, BigDecimal quantity, boolean complete) {
            this.openTime = openTime;
            this.open = price;
            this.high = price;
            this.low = price;
            this.close = price;
            this.volume = quantity;
            this.complete = complete;
        }

        private void add(BigDecimal price, BigDecimal quantity) {
            high = high.max(price);
            low = low.min(price);
            close = price;
            volume = volume.add(quantity);
        }

        private Bar toBar(String symbol, BarInterval interval) {
            return new Bar(symbol, interval, openTime, open, high, low, close, volume);
        }
    }
}
