package io.tradeplex.strategy.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Prices that follow a seeded geometric random walk: each step multiplies a price by exp(σz − σ²/2) with z standard
 * normal, which keeps it positive with no drift, then rounds it to the instrument's tick size. The double lives only
 * inside the step; every price handed out is a BigDecimal that is a multiple of the tick size.
 * <p>
 * Each symbol draws from a generator of its own, seeded from the walk's seed and the symbol, so a symbol's path is the
 * same whichever other symbols are configured. Not thread-safe: one feed thread steps it.
 */
public final class RandomWalk {

    /** @param price the opening price; rounded to the tick size before the first step */
    public record Instrument(String symbol, BigDecimal price, BigDecimal tickSize) {
        public Instrument {
            if (tickSize.signum() <= 0) {
                throw new IllegalArgumentException("tick size of " + symbol + " must be positive");
            }
            if (price.signum() <= 0) {
                throw new IllegalArgumentException("price of " + symbol + " must be positive");
            }
        }
    }

    private final double volatility;
    private final Map<String, Path> paths = new LinkedHashMap<>();

    public RandomWalk(long seed, double volatility, List<Instrument> instruments) {
        if (!(volatility >= 0) || Double.isInfinite(volatility)) {
            throw new IllegalArgumentException("volatility must be a finite number >= 0");
        }
        this.volatility = volatility;
        for (Instrument instrument : instruments) {
            // Mixing in the symbol's hash (specified by String, so stable across JVMs) keeps paths independent.
            Random random = new Random(seed * 1_000_003L + instrument.symbol().hashCode());
            paths.put(instrument.symbol(),
                    new Path(random, instrument.tickSize(), roundToTick(instrument.price(), instrument.tickSize())));
        }
    }

    public Set<String> symbols() {
        return paths.keySet();
    }

    public BigDecimal price(String symbol) {
        return path(symbol).price;
    }

    /** Moves one symbol one step. @return its new price */
    public BigDecimal next(String symbol) {
        Path path = path(symbol);
        double z = path.random.nextGaussian();
        double factor = Math.exp(volatility * z - volatility * volatility / 2);
        path.price = roundToTick(path.price.multiply(BigDecimal.valueOf(factor)), path.tickSize);
        return path.price;
    }

    /** The nearest multiple of the tick size (half-even), never below one tick: a price never reaches zero. */
    public static BigDecimal roundToTick(BigDecimal price, BigDecimal tickSize) {
        BigDecimal ticks = price.divide(tickSize, 0, RoundingMode.HALF_EVEN);
        return ticks.signum() > 0 ? ticks.multiply(tickSize) : tickSize;
    }

    private Path path(String symbol) {
        Path path = paths.get(symbol);
        if (path == null) {
            throw new IllegalArgumentException("not in this walk: " + symbol);
        }
        return path;
    }

    private static final class Path {
        private final Random random;
        private final BigDecimal tickSize;
        private BigDecimal price;

        private Path(Random random, BigDecimal tickSize, BigDecimal price) {
            this.random = random;
            this.tickSize = tickSize;
            this.price = price;
        }
    }
}
