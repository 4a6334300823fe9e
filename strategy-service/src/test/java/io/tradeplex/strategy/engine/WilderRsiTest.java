package io.tradeplex.strategy.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.tradeplex.strategy.engine.Bars.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WilderRsiTest {

    /**
     * The closes of StockCharts' ChartSchool RSI example (14 periods). {@code exact} is Wilder's formula in exact
     * rational arithmetic (Python's fractions), to 6 decimals; StockCharts' own table differs from it by up to 0.08
     * because its spreadsheet carries rounded averages, so it is only checked that loosely.
     */
    @Test
    void matchesTheStockChartsExample() {
        List<String> closes = List.of("44.34", "44.09", "44.15", "43.61", "44.33", "44.83", "45.10", "45.42", "45.84",
                "46.08", "45.89", "46.03", "45.61", "46.28", "46.28", "46.00", "46.03", "46.41", "46.22", "45.64",
                "46.21", "46.25", "45.71", "46.45", "45.78", "45.35", "44.03", "44.18", "44.22", "44.57", "43.42",
                "42.66", "43.13");
        double[] exact = {70.464135, 66.249619, 66.480942, 69.346853, 66.294713, 57.915021, 62.880718, 63.208789,
                56.011585, 62.339929, 54.670971, 50.386815, 40.019424, 41.492635, 41.902430, 45.499497, 37.322778,
                33.090483, 37.788772};
        double[] published = {70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42,
                39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77};

        List<BigDecimal> values = values(new WilderRsi(14), closes.stream());

        assertThat(values).hasSize(exact.length);
        for (int i = 0; i < exact.length; i++) {
            assertThat(values.get(i).doubleValue()).as("RSI after close %d", i + 15).isCloseTo(exact[i], within(1e-6));
            assertThat(values.get(i).doubleValue()).as("RSI after close %d", i + 15).isCloseTo(published[i], within(0.08));
        }
    }

    @Test
    void seedsWithPlainMeansThenSmooths() {
        // Changes +1, −1: means 0.5 / 0.5 → 50. Then +2: (0.5·1 + 2)/2 = 1.25, (0.5·1 + 0)/2 = 0.25 → 100·1.25/1.5.
        assertThat(values(new WilderRsi(2), Stream.of("10", "11", "10", "12")))
                .containsExactly(d("50"), d("83.33333333333333"));
    }

    @Test
    void onlyGainsRead100AndNoMovementReads50() {
        assertThat(values(new WilderRsi(3), Stream.of("1", "2", "3", "4", "5"))).containsOnly(d("100"));
        assertThat(values(new WilderRsi(3), Stream.of("7", "7", "7", "7", "7"))).containsOnly(d("50"));
        assertThat(values(new WilderRsi(3), Stream.of("5", "4", "3", "2"))).containsOnly(BigDecimal.ZERO);
    }

    private static List<BigDecimal> values(WilderRsi rsi, Stream<String> closes) {
        List<BigDecimal> values = new ArrayList<>();
        closes.map(BigDecimal::new).map(rsi::next).flatMap(Optional::stream).forEach(values::add);
        return values;
    }
}
