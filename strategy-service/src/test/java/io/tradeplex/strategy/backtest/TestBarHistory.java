package io.tradeplex.strategy.backtest;

import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarHistory;
import io.tradeplex.strategy.market.bars.BarInterval;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The history backtests read in tests: fixed, seeded random walks of BTC-USD and ETH-USD (1h bars from
 * {@link #START}), plus whatever a test adds. Production gets its history from the market feature.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestBarHistory implements BarHistory {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final int WALK_BARS = 3000;

    private final Map<String, List<Bar>> bySymbolAndInterval = new ConcurrentHashMap<>();

    public TestBarHistory() {
        add(walk("BTC-USD", 42, "64000.00", WALK_BARS));
        add(walk("ETH-USD", 7, "3200.00", WALK_BARS));
    }

    /** Adds a series (one symbol, one interval, oldest first); tests use symbols of their own. */
    public void add(List<Bar> bars) {
        Bar first = bars.get(0);
        bySymbolAndInterval.put(key(first.symbol(), first.interval()), List.copyOf(bars));
    }

    @Override
    public Set<String> symbols(BarInterval interval) {
        return bySymbolAndInterval.keySet().stream().filter(key -> key.endsWith("/" + interval.label()))
                .map(key -> key.substring(0, key.indexOf('/'))).collect(Collectors.toSet());
    }

    @Override
    public List<Bar> bars(String symbol, BarInterval interval, Instant from, Instant to) {
        return bySymbolAndInterval.getOrDefault(key(symbol, interval), List.of()).stream()
                .filter(bar -> !bar.openTime().isBefore(from) && bar.openTime().isBefore(to))
                .toList();
    }

    static List<Bar> walk(String symbol, long seed, String first, int count) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        BigDecimal close = new BigDecimal(first);
        for (int i = 0; i < count; i++) {
            BigDecimal open = close;
            close = close.multiply(BigDecimal.valueOf(1 + random.nextGaussian() * 0.01)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal high = open.max(close).multiply(BigDecimal.valueOf(1 + random.nextDouble() * 0.004))
                    .setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal low = open.min(close).multiply(BigDecimal.valueOf(1 - random.nextDouble() * 0.004))
                    .setScale(2, RoundingMode.HALF_EVEN);
            bars.add(new Bar(symbol, BarInterval.H1, START.plus(BarInterval.H1.duration().multipliedBy(i)), open, high,
                    low, close, BigDecimal.TEN));
        }
        return bars;
    }

    private static String key(String symbol, BarInterval interval) {
        return symbol + "/" + interval.label();
    }
}
