package io.tradeplex.strategy.engine;

import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarInterval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Hand-made hourly BTC-USD bars for engine tests: bar i opens i hours after {@link #START}. */
final class Bars {
    static final String SYMBOL = "BTC-USD";
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private Bars() {
    }

    static Instant time(int index) {
        return START.plus(BarInterval.H1.duration().multipliedBy(index));
    }

    static Bar bar(int index, String close) {
        return bar(index, close, close, close);
    }

    static Bar bar(int index, String high, String low, String close) {
        BigDecimal price = new BigDecimal(close);
        return new Bar(SYMBOL, BarInterval.H1, time(index), price, new BigDecimal(high), new BigDecimal(low), price,
                BigDecimal.ZERO);
    }

    /** Bars whose open, high and low are their close. */
    static List<Bar> closes(String... closes) {
        List<Bar> bars = new ArrayList<>();
        Arrays.stream(closes).forEach(close -> bars.add(bar(bars.size(), close)));
        return bars;
    }

    /** A seeded random walk with highs and lows around the closes, in cents. */
    static List<Bar> walk(long seed, int count, String first) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        BigDecimal close = new BigDecimal(first);
        for (int i = 0; i < count; i++) {
            BigDecimal open = close;
            close = close.multiply(BigDecimal.valueOf(1 + random.nextGaussian() * 0.02)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal high = open.max(close).multiply(BigDecimal.valueOf(1 + random.nextDouble() * 0.01))
                    .setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal low = open.min(close).multiply(BigDecimal.valueOf(1 - random.nextDouble() * 0.01))
                    .setScale(2, RoundingMode.HALF_EVEN);
            bars.add(new Bar(SYMBOL, BarInterval.H1, time(i), open, high, low, close, BigDecimal.ONE));
        }
        return bars;
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
