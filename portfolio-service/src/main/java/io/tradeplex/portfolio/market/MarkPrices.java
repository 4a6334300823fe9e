package io.tradeplex.portfolio.market;

import io.tradeplex.contracts.market.MarketTick;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest price per symbol, to mark open positions. Memory only: ticks arrive every half second, so a restarted
 * instance is marked again within a moment, and until then a position is marked at its average price.
 */
@ApplicationScoped
public class MarkPrices {
    private record Mark(BigDecimal price, long sequence) {
    }

    private final Map<String, Mark> bySymbol = new ConcurrentHashMap<>();

    /** Keeps the tick unless a later one (by its per-symbol sequence) is already held. */
    public void offer(MarketTick tick) {
        Mark mark = new Mark(tick.price(), tick.sequence());
        bySymbol.merge(tick.symbol(), mark, (held, offered) -> offered.sequence() > held.sequence() ? offered : held);
    }

    public Optional<BigDecimal> price(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol)).map(Mark::price);
    }
}
