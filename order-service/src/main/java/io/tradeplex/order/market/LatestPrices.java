package io.tradeplex.order.market;

import io.tradeplex.contracts.market.MarketTick;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The newest tick per symbol this instance has seen; older or repeated ticks never replace a newer one. */
@ApplicationScoped
public class LatestPrices {
    private final Map<String, MarketTick> latest = new ConcurrentHashMap<>();

    /** @return true if the tick is newer than what was known */
    public boolean update(MarketTick tick) {
        MarketTick result = latest.merge(tick.symbol(), tick,
                (known, incoming) -> isNewer(incoming, known) ? incoming : known);
        return result == tick;
    }

    public Optional<MarketTick> of(String symbol) {
        return Optional.ofNullable(latest.get(symbol));
    }

    private static boolean isNewer(MarketTick incoming, MarketTick known) {
        if (incoming.source().equals(known.source())) {
            return incoming.sequence() > known.sequence();
        }
        return incoming.time().isAfter(known.time());
    }
}
