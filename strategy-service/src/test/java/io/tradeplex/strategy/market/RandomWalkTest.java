package io.tradeplex.strategy.market;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RandomWalkTest {
    private static final List<RandomWalk.Instrument> INSTRUMENTS = List.of(
            new RandomWalk.Instrument("BTC-USD", new BigDecimal("64000.00"), new BigDecimal("0.01")),
            new RandomWalk.Instrument("XRP-USD", new BigDecimal("0.5200"), new BigDecimal("0.0001")),
            new RandomWalk.Instrument("SOL-USD", new BigDecimal("150"), new BigDecimal("0.005")));

    @Test
    void theSameSeedGivesTheSamePrices() {
        assertThat(path(new RandomWalk(7, 0.002, INSTRUMENTS), "BTC-USD", 500))
                .isEqualTo(path(new RandomWalk(7, 0.002, INSTRUMENTS), "BTC-USD", 500));
    }

    @Test
    void anotherSeedGivesOtherPrices() {
        assertThat(path(new RandomWalk(7, 0.002, INSTRUMENTS), "BTC-USD", 50))
                .isNotEqualTo(path(new RandomWalk(8, 0.002, INSTRUMENTS), "BTC-USD", 50));
    }

    @Test
    void aSymbolsPathDoesNotDependOnTheOtherSymbols() {
        RandomWalk alone = new RandomWalk(7, 0.002, INSTRUMENTS.subList(0, 1));
        RandomWalk together = new RandomWalk(7, 0.002, INSTRUMENTS);
        List<BigDecimal> interleaved = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            together.next("XRP-USD");
            interleaved.add(together.next("BTC-USD"));
        }
        assertThat(interleaved).isEqualTo(path(alone, "BTC-USD", 200));
    }

    @Test
    void everyPriceIsAPositiveMultipleOfTheTickSize() {
        RandomWalk walk = new RandomWalk(3, 0.01, INSTRUMENTS);
        for (RandomWalk.Instrument instrument : INSTRUMENTS) {
            for (BigDecimal price : path(walk, instrument.symbol(), 1000)) {
                assertThat(price.signum()).isPositive();
                assertThat(price.scale()).isEqualTo(instrument.tickSize().scale());
                assertThat(price.remainder(instrument.tickSize()).signum()).isZero();
            }
        }
    }

    @Test
    void pricesActuallyMove() {
        assertThat(path(new RandomWalk(1, 0.001, INSTRUMENTS), "BTC-USD", 100)).doesNotHaveDuplicates().hasSize(100);
    }

    @Test
    void zeroVolatilityHoldsTheOpeningPriceRoundedToTheTick() {
        RandomWalk walk = new RandomWalk(1, 0, List.of(
                new RandomWalk.Instrument("ETH-USD", new BigDecimal("3200.004"), new BigDecimal("0.01"))));
        assertThat(walk.price("ETH-USD")).isEqualByComparingTo("3200.00");
        assertThat(path(walk, "ETH-USD", 10)).containsOnly(new BigDecimal("3200.00"));
    }

    @Test
    void roundsHalfEvenToTheNearestTickAndNeverToZero() {
        BigDecimal tick = new BigDecimal("0.05");
        assertThat(RandomWalk.roundToTick(new BigDecimal("1.024"), tick)).isEqualTo(new BigDecimal("1.00"));
        assertThat(RandomWalk.roundToTick(new BigDecimal("1.026"), tick)).isEqualTo(new BigDecimal("1.05"));
        assertThat(RandomWalk.roundToTick(new BigDecimal("1.025"), tick)).isEqualTo(new BigDecimal("1.00"));
        assertThat(RandomWalk.roundToTick(new BigDecimal("1.075"), tick)).isEqualTo(new BigDecimal("1.10"));
        assertThat(RandomWalk.roundToTick(new BigDecimal("0.001"), tick)).isEqualTo(tick);
    }

    @Test
    void refusesWhatCannotBePriced() {
        assertThatThrownBy(() -> new RandomWalk.Instrument("BTC-USD", BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomWalk.Instrument("BTC-USD", BigDecimal.ZERO, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomWalk(1, Double.NaN, INSTRUMENTS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RandomWalk(1, 0.1, INSTRUMENTS).next("DOGE-USD"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<BigDecimal> path(RandomWalk walk, String symbol, int steps) {
        List<BigDecimal> prices = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            prices.add(walk.next(symbol));
        }
        return prices;
    }
}
