package io.tradeplex.contracts.market;

import io.tradeplex.contracts.Event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trade price for one symbol, keyed by symbol on {@code tradeplex.market-ticks.v1}.
 *
 * @param source the feed that produced it, e.g. {@code simulated}
 * @param sequence strictly increasing per symbol and feed, so a reader can drop stale or repeated ticks
 */
public record MarketTick(int schemaVersion, String symbol, BigDecimal price, String source, long sequence, Instant time)
        implements Event {
    public static final String TYPE = "tradeplex.market.tick.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
